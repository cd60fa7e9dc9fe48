import { describe, expect, it } from 'vitest';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { performTransition } from '../../src/application/coordinator/review';
import type { Actor } from '../../src/application/shared/actor';
import { aRecommendation, anUpdate } from '../support/builders';
import { contextFor, coordinator, owner } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const itemsPerRun = 3;

/**
 * Attack by fault: the coordinator's session dies after each possible number of writes while accepting a
 * run of proposals, then does the same work again. Every status change must end with exactly one record.
 */
describe('the audit trail under crashes', () => {
  const given = useProvisionedEmulator();

  const acceptAll = async (ids: readonly string[]): Promise<void> => {
    for (const id of ids) {
      const detail = await given.admin.store.recommendationDetail(id);
      if (detail.recommendation.value.status !== 'open') continue;
      await performTransition(given.admin.store, detail, 'acceptForPanel', casey, new Date(), {
        evidence: new GraphEvidenceStore(given.admin.graph, given.admin.siteId),
      });
    }
  };

  it('leaves every status change with exactly one record, whichever write the crash follows', async () => {
    const priya = contextFor(given.emulator, owner);
    // Each acceptance is two writes (the record, then the status): crash after 0 … all of them.
    for (let crashAfter = 0; crashAfter <= itemsPerRun * 2; crashAfter++) {
      const ids: string[] = [];
      for (let i = 0; i < itemsPerRun; i++) {
        const id = (await given.admin.store.createRecommendation(aRecommendation(given.auditId, `${crashAfter}.${i}`))).value.id;
        await priya.store.addUpdate(
          anUpdate(id, { proposesClosure: true, closureNarrative: 'Done', evidence: [{ name: 'Policy', url: 'https://contoso.sharepoint.com/policy.pdf' }] }),
        );
        ids.push(id);
      }
      given.emulator.faults.plan = { throttle: [], lost: 0, crashAfterWrites: crashAfter };
      await acceptAll(ids).catch(() => undefined);
      given.emulator.faults.plan = { throttle: [], lost: 0 };
      await acceptAll(ids);
      for (const id of ids) {
        const detail = await given.admin.store.recommendationDetail(id);
        expect(detail.recommendation.value.status, `crash after ${crashAfter} writes`).toBe('acceptedForPanel');
        expect(
          detail.decisions.filter((d) => d.kind === 'acceptForPanel'),
          `crash after ${crashAfter} writes`,
        ).toHaveLength(1);
      }
    }
  });
});
