import type { DecisionSubjects, IssuedPaper, Meeting, PanelPaper } from '../../domain';
import { meetingSubject } from '../coordinator/audits-and-meetings';
import type { EvidenceStore, RecommendationStore } from '../ports';
import { requireCoordinator, type Actor } from '../shared/actor';

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The file's SHA-256 as hex: what the meeting records, so a reprint can prove it is the paper issued. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // A copy, so the digest reads a plain ArrayBuffer whatever buffer the bytes came in.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The issued file no longer matches its hash: someone replaced it in the library. */
export class IssuedPaperChangedError extends Error {
  constructor(meeting: Meeting) {
    super(`The issued paper for ${meeting.title} has been changed in the document library since it was issued: it is not the paper the panel received`);
    this.name = 'IssuedPaperChangedError';
  }
}

/** What the paper puts to the panel to decide: only these are decided against it once it is issued. */
export const decisionSubjectsOf = (paper: PanelPaper): DecisionSubjects => ({
  closures: paper.acceptedForPanel.map((i) => i.recommendationId),
  withdrawals: paper.withdrawals.map((i) => i.recommendationId),
  extensions: paper.extensionRequests.map((i) => i.recommendationId),
});

/**
 * Issues the paper: the .docx as compiled now is stored in the document library and the meeting records which
 * file, its hash, and what it put to the panel. From then on the live preview may change; the issued paper does not.
 */
export async function issuePaper(
  store: RecommendationStore,
  library: EvidenceStore,
  paper: PanelPaper,
  bytes: Uint8Array,
  actor: Actor,
  now: Date,
): Promise<Meeting> {
  requireCoordinator(actor, 'issues the paper');
  const { meeting } = paper;
  if (meeting.issued) throw new Error(`The paper for ${meeting.title} was issued on ${meeting.issued.at.slice(0, 10)}; reprint that one`);
  const sha256 = await sha256Hex(bytes);
  const file = await library.upload(`papers/${meeting.id}`, {
    name: `${meeting.title} – issued ${now.toISOString().slice(0, 10)}.docx`,
    type: docxType,
    bytes,
  });
  const issued: IssuedPaper = {
    at: now.toISOString(),
    by: { email: actor.email, name: actor.name },
    name: file.name,
    driveItemId: file.driveItemId,
    url: file.url,
    sha256,
    subjects: decisionSubjectsOf(paper),
  };
  const { id: _id, ...rest } = meeting;
  const saved = await store.saveMeeting({ ...rest, issued });
  await store.recordDecision({
    recommendationId: meetingSubject(saved.id),
    kind: 'paperIssued',
    actor: actor.email,
    at: issued.at,
    detail: `${file.name} (SHA-256 ${sha256})`,
    idempotencyKey: `${meetingSubject(saved.id)}:issued:${sha256}`,
  });
  return saved;
}

/** The issued paper's bytes, exactly as issued: refused if the file in the library is no longer the one issued. */
export async function issuedPaperBytes(library: EvidenceStore, meeting: Meeting): Promise<Uint8Array> {
  if (!meeting.issued) throw new Error(`The paper for ${meeting.title} has not been issued yet`);
  const bytes = await library.download(meeting.issued.driveItemId);
  if ((await sha256Hex(bytes)) !== meeting.issued.sha256) throw new IssuedPaperChangedError(meeting);
  return bytes;
}
