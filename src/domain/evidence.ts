import { z } from 'zod';
import { safeLinkSchema } from './safe-link';

/**
 * What proves a recommendation has been met. Often a file or a link, but the real register also cites
 * evidence held elsewhere (an intranet policy), a verbal update or presentation at the meeting, papers provided
 * to the panel, another body's approval ("CGB 6 May") and an auditor's follow-up visit.
 */
export const evidenceKinds = ['file', 'link', 'heldElsewhere', 'verbal', 'providedToPanel', 'otherBody', 'auditorFollowUp'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The evidence an owner can describe in words rather than attach; an auditor's follow-up is the audit team's to record. */
export const describedEvidenceKinds = ['heldElsewhere', 'verbal', 'providedToPanel', 'otherBody'] as const satisfies readonly EvidenceKind[];

/** What to ask for when the evidence is a description: the words that complete the label. */
export const describedEvidencePrompt: Record<(typeof describedEvidenceKinds)[number], { choice: string; prompt: string }> = {
  heldElsewhere: { choice: 'Held elsewhere', prompt: 'Where is it held? (e.g. the intranet policy page)' },
  verbal: { choice: 'Verbal update or presentation', prompt: 'At which meeting?' },
  providedToPanel: { choice: 'Provided to the panel', prompt: 'With which paper?' },
  otherBody: { choice: "Another body's approval", prompt: 'Which body, and when? (e.g. CGB 6 May)' },
};

const needsLink = (kind: EvidenceKind): boolean => kind === 'file' || kind === 'link';

export const evidenceRefSchema = z
  .object({
    /** Absent on evidence recorded before kinds existed: a file when it has a library item, else a link. */
    kind: z.enum(evidenceKinds).optional(),
    /** The file's or page's name, or for described evidence the words that complete its label. */
    name: z.string().trim().min(1, 'Describe the evidence').max(1000),
    url: safeLinkSchema.optional(),
    /** Set for files in our evidence library; absent for links to existing documents. */
    driveItemId: z.string().optional(),
    size: z.number().int().nonnegative().optional(),
    /** The file's version and content hash (SharePoint's quickXorHash) when the coordinator accepted it. */
    version: z.string().optional(),
    hash: z.string().optional(),
  })
  .superRefine((ref, ctx) => {
    if (needsLink(evidenceKind(ref)) && !ref.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'Evidence needs a link' });
  });
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export function evidenceKind(ref: Pick<EvidenceRef, 'kind' | 'driveItemId'>): EvidenceKind {
  return ref.kind ?? (ref.driveItemId ? 'file' : 'link');
}

/** How a piece of evidence reads wherever it is shown: the tab, the review queue, the paper. */
export function evidenceLabel(ref: Pick<EvidenceRef, 'kind' | 'driveItemId' | 'name'>): string {
  switch (evidenceKind(ref)) {
    case 'heldElsewhere':
      return `Held elsewhere: ${ref.name}`;
    case 'verbal':
      return `Verbal update or presentation at ${ref.name}`;
    case 'providedToPanel':
      return `Provided to the panel with ${ref.name}`;
    case 'otherBody':
      return `Approved by ${ref.name}`;
    case 'auditorFollowUp':
      return `Auditor follow-up: ${ref.name}`;
    default:
      return ref.name;
  }
}
