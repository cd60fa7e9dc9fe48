import { startEmulator, type Emulator } from '../../emulator/server';
import { lists } from '../../src/adapters/graph/list-schema';
import { provision } from '../../src/adapters/graph/provision';
import { auditToFields, recommendationToFields, updateToFields } from '../../src/adapters/graph/mapping';
import { addDays, parseOpinion, parseTargetDate } from '../../src/domain';
import { emulatorSiteOwner, jobContext } from '../../src/jobs/job-context';
import { meeting, others, owner, today } from './settings';

/**
 * A generated organisation of `size` recommendations, written straight into an emulator: four updates each up to
 * 20,000 (the paper's sizes), none above (the register's figures need none, and half a million would take minutes).
 */
export async function organisation(size: number): Promise<{ emulator: Emulator; setupMs: number }> {
  const started = Date.now();
  const emulator = await startEmulator({ data: ':memory:' });
  // The site owner provisions: a coordinator's Edit level cannot set list permissions.
  const context = jobContext({ graph: emulator.origin, user: emulatorSiteOwner });
  await provision(context.graph, context.siteId, await context.permissions());
  const store = emulator.store;
  const site = store.sites()[0]?.id ?? '';
  const listId = (title: string): string => store.list(site, title)?.id ?? '';
  const [auditsId, recsId, updatesId, meetingsId] = [lists.audits.title, lists.recommendations.title, lists.updates.title, lists.meetings.title].map(listId);
  store.transaction(() => {
    store.insertItem(
      meetingsId ?? '',
      { Title: meeting.title, MeetingDate: `${meeting.date}T10:00:00Z`, UpdateDeadline: `${meeting.updateDeadline}T17:00:00Z`, Cycle: meeting.cycle },
      owner.email,
    );
    const auditCount = Math.max(1, Math.round(size / 6));
    for (let a = 0; a < auditCount; a++) {
      store.insertItem(
        auditsId ?? '',
        auditToFields({
          title: `Audit ${a}`,
          issuedYear: 2018 + (a % 8),
          issuedMonth: 1 + (a % 12),
          auditor: 'Northgate',
          opinion: parseOpinion('MODERATE OPINION'),
        }),
        owner.email,
      );
    }
    for (let r = 0; r < size; r++) {
      const auditId = String(1 + (r % auditCount));
      // One owner holds about 40 items at every size, as a real owner would.
      const step = Math.max(1, Math.floor(size / 40));
      const mine = r % step === 0;
      // The owner's items mix their states as everyone's do (not all closed, as every 125th item would be).
      const k = mine ? r / step : r;
      const fields = recommendationToFields({
        auditId,
        reference: `4.${r}`,
        referenceKey: `4.${r}`,
        title: `Recommendation ${r}`,
        priority: (['High', 'Medium', 'Low'] as const)[r % 3] ?? 'Low',
        text: 'Strengthen the control and report progress to the board. '.repeat(3),
        managementResponse: 'Agreed.',
        owners: [mine ? owner : { email: others[r % others.length] ?? owner.email, name: 'Owner' }],
        subParts: [],
        targets: { original: parseTargetDate('March 2025'), revisions: [] },
        status: k % 5 === 0 ? 'closed' : k % 11 === 0 ? 'acceptedForPanel' : 'open',
      });
      const rec = store.insertItem(recsId ?? '', fields, owner.email);
      for (let u = 0; u < (size > 20_000 ? 0 : 4); u++) {
        const cycle = ['September 2024', 'December 2024', 'March 2025', 'June 2025'][u] ?? 'June 2025';
        store.insertItem(
          updatesId ?? '',
          updateToFields({
            recommendationId: String(rec.id),
            cycle,
            kind: 'ownerUpdate',
            author: owner,
            achieved: 'Progress this cycle. '.repeat(4),
            remaining: 'Roll out.',
            barriers: 'None.',
            mitigation: 'Interim checks.',
            proposesClosure: false,
            closureNarrative: '',
            evidence: [],
            note: '',
            idempotencyKey: `bench-${r}-${u}`,
            submittedAt: `${addDays(today, -300 + u * 90)}T10:00:00Z`,
          }),
          owner.email,
        );
      }
    }
  });
  return { emulator, setupMs: Date.now() - started };
}
