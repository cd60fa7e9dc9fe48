import { emulatorDirectory } from '../../adapters/auth/emulator-token-provider';
import { documentFiles } from '../../adapters/documents/document-files';
import { GraphEvidenceStore } from '../../adapters/graph/graph-evidence-store';
import { collectiveCopies, delegationKey, type Meeting, type Person } from '../../domain';
import { jobContext, type JobContext } from '../job-context';
import { demoYear } from './demo-process';
import { replayProcess } from './replay-process';

export interface SeedReport {
  audits: number;
  recommendations: number;
  updates: number;
  evidence: number;
  meetings: number;
}

/** The emulator's owners and coordinators, from its dev directory. */
export async function emulatorPeople(origin: string): Promise<{ owners: Person[]; coordinators: Person[] }> {
  const people = await emulatorDirectory(origin);
  const byRole = (role: string): Person[] => people.filter((p) => p.role === role).map(({ email, name }) => ({ email, name }));
  return { owners: byRole('owner'), coordinators: byRole('coordinator') };
}

/** The emulator the demo is written into, and how to set the clock it stamps writes with. */
export interface DemoTarget {
  origin: string;
  /** Sets the emulator's clock to replay an earlier cycle (undefined: back to the wall clock). */
  setClock(at: Date | undefined): Promise<void> | void;
}

/** The clock of an emulator in another process, which must have been started with --dev-clock. */
export const remoteClock =
  (origin: string) =>
  async (at: Date | undefined): Promise<void> => {
    const response = await fetch(`${origin}/_dev/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ at: at?.toISOString() ?? null }),
    });
    if (!response.ok) throw new Error(`The emulator refused to replay history (${response.status}): start it with --dev-clock`);
  };

/**
 * Writes the demo organisation through the same store code the app uses, each record signed in as the person
 * who writes it in real life: the coordinator its register and notes, each owner their own updates and evidence.
 * SharePoint stamps who and when, so the emulator's clock is set to each update's time to replay past cycles.
 * Safe to run again: audits and recommendations are upserted by key and updates carry idempotency keys.
 */
export async function seedDemo(target: DemoTarget, today: string, progress: (line: string) => void = () => {}): Promise<SeedReport> {
  const people = await emulatorPeople(target.origin);
  const coordinator = people.coordinators[0];
  if (!coordinator) throw new Error('The directory has no coordinator');
  // One sign-in (and one evidence library lookup) per person, however many updates they write.
  const sessions = new Map<string, { context: JobContext; evidence: GraphEvidenceStore }>();
  const signedIn = (email: string) => {
    let person = sessions.get(email);
    if (!person) {
      const context = jobContext({ graph: target.origin, user: email });
      person = { context, evidence: new GraphEvidenceStore(context.graph, context.siteId) };
      sessions.set(email, person);
    }
    return person;
  };
  const { store } = signedIn(coordinator.email).context;
  const { demo, process } = demoYear(people.owners, coordinator, today);
  const auditIds = new Map<string, string>();
  for (const { key, ...audit } of demo.audits) auditIds.set(key, (await store.upsertAudit(audit)).value.id);
  progress(`${demo.audits.length} audits`);
  const recommendationIds = new Map<string, string>();
  // Audits come oldest first, so a repeat's original is already stored when the repeat is.
  for (const { auditKey, repeatOfRef, ...recommendation } of demo.recommendations) {
    const auditId = auditIds.get(auditKey) ?? '';
    const repeatOf = repeatOfRef ? recommendationIds.get(repeatOfRef) : undefined;
    const saved = await store.upsertRecommendation({ ...recommendation, auditId, repeatOf });
    recommendationIds.set(`${auditKey}#${recommendation.reference}`, saved.value.id);
  }
  progress(`${demo.recommendations.length} recommendations`);
  const meetings: Meeting[] = [];
  for (const meeting of demo.meetings) meetings.push(await store.saveMeeting(meeting));
  // An owner names a deputy before the deputy writes: SharePoint stamps the naming with its time.
  for (const naming of process.delegations) {
    await target.setClock(new Date(naming.at));
    const recommendationId = recommendationIds.get(naming.recommendationRef) ?? '';
    await signedIn(naming.owner.email).context.store.recordDelegation({
      recommendationId,
      delegate: naming.delegate,
      // A first naming: no earlier records of this person on the item.
      idempotencyKey: delegationKey(recommendationId, [], naming.delegate.email, false),
      at: naming.at,
      ended: false,
    });
  }
  let files = 0;
  let stored = 0;
  for (const { recommendationRef, evidenceFile, alsoApplyToRefs, ...update } of demo.updates) {
    const recommendationId = recommendationIds.get(recommendationRef) ?? '';
    const author = signedIn(update.author.email);
    await target.setClock(new Date(update.submittedAt));
    const refs = evidenceFile
      ? [
          await author.evidence.upload(`${recommendationId}/${update.cycle}`, {
            name: evidenceFile,
            type: 'text/plain',
            bytes: new TextEncoder().encode(`Evidence for ${recommendationRef}: signed-off procedure and compliance check results.\n`),
          }),
        ]
      : [];
    files += refs.length;
    const { lead, copies } = collectiveCopies(
      { ...update, recommendationId, evidence: [...update.evidence, ...refs] },
      (alsoApplyToRefs ?? []).map((ref) => recommendationIds.get(ref) ?? ''),
    );
    for (const each of [lead, ...copies]) await author.context.store.addUpdate(each);
    stored += 1 + copies.length;
  }
  await target.setClock(undefined);
  progress(`${stored} updates, ${files} evidence files`);
  await replayProcess(
    store,
    signedIn(coordinator.email).evidence,
    documentFiles,
    { ...coordinator, role: 'coordinator' },
    process.events,
    { recommendation: (ref) => recommendationIds.get(ref) ?? '', meeting: (index) => meetings[index] },
    (at) => target.setClock(at),
  );
  progress(`${process.events.length} decisions, follow-ups and actions`);
  return {
    audits: demo.audits.length,
    recommendations: demo.recommendations.length,
    updates: stored,
    evidence: files,
    meetings: demo.meetings.length,
  };
}
