import { emulatorDirectory } from '../../adapters/auth/emulator-token-provider';
import type { Person } from '../../domain';
import type { EvidenceStore, RecommendationStore } from '../../application/ports';
import { demoOrganisation } from './demo-organisation';

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

/**
 * Writes the demo organisation through the same store code the app uses. Safe to run again: audits and
 * recommendations are upserted by key and updates carry idempotency keys.
 */
export async function seedDemo(
  store: RecommendationStore,
  evidence: EvidenceStore,
  people: { owners: Person[]; coordinators: Person[] },
  today: string,
  progress: (line: string) => void = () => {},
): Promise<SeedReport> {
  const coordinator = people.coordinators[0];
  if (!coordinator) throw new Error('The directory has no coordinator');
  const demo = demoOrganisation(people.owners, coordinator, today);
  const auditIds = new Map<string, string>();
  for (const { key, ...audit } of demo.audits) auditIds.set(key, (await store.upsertAudit(audit)).value.id);
  progress(`${demo.audits.length} audits`);
  const recommendationIds = new Map<string, string>();
  for (const { auditKey, ...recommendation } of demo.recommendations) {
    const auditId = auditIds.get(auditKey) ?? '';
    const saved = await store.upsertRecommendation({ ...recommendation, auditId });
    recommendationIds.set(`${auditKey}#${recommendation.reference}`, saved.value.id);
  }
  progress(`${demo.recommendations.length} recommendations`);
  let files = 0;
  for (const { recommendationRef, evidenceFile, ...update } of demo.updates) {
    const recommendationId = recommendationIds.get(recommendationRef) ?? '';
    const refs = evidenceFile
      ? [
          await evidence.upload(`${recommendationId}/${update.cycle}`, {
            name: evidenceFile,
            type: 'text/plain',
            bytes: new TextEncoder().encode(`Evidence for ${recommendationRef}: signed-off procedure and compliance check results.\n`),
          }),
        ]
      : [];
    files += refs.length;
    await store.addUpdate({ ...update, recommendationId, evidence: refs });
  }
  progress(`${demo.updates.length} updates, ${files} evidence files`);
  for (const meeting of demo.meetings) await store.saveMeeting(meeting);
  return {
    audits: demo.audits.length,
    recommendations: demo.recommendations.length,
    updates: demo.updates.length,
    evidence: files,
    meetings: demo.meetings.length,
  };
}
