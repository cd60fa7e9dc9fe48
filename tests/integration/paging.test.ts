import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { lists } from '../../src/adapters/graph/list-schema';
import { recommendationToFields } from '../../src/adapters/graph/mapping';
import { parseTargetDate } from '../../src/domain';
import type { JobContext } from '../../src/jobs/job-context';
import { coordinator, provisioned, startTestEmulator } from '../support/emulator-harness';

describe('following pages past SharePoint’s 5,000-item page', () => {
  let emulator: Emulator;
  let context: JobContext;
  beforeAll(async () => {
    emulator = await startTestEmulator();
    context = await provisioned(emulator);
    const listId = emulator.store.list(emulator.store.sites()[0]?.id ?? '', lists.recommendations.title)?.id ?? '';
    emulator.store.transaction(() => {
      for (let i = 0; i < 5007; i++) {
        emulator.store.insertItem(
          listId,
          recommendationToFields({
            auditId: '1',
            reference: `4.${i}`,
            referenceKey: `4.${i}`,
            title: `R${i}`,
            priority: 'Low',
            text: '',
            managementResponse: '',
            owners: [],
            subParts: [],
            targets: { original: parseTargetDate('TBC'), revisions: [] },
            status: 'open',
          }),
          coordinator,
        );
      }
    });
  });
  afterAll(() => emulator.close());

  it('reads every item through next links and delta, in two round trips', async () => {
    const before = context.gateway.roundTrips;
    const register = await context.store.loadRegister();
    expect(register.recommendations).toHaveLength(5007);
    expect(new Set(register.recommendations.map((r) => r.value.id)).size).toBe(5007);
    expect(context.gateway.roundTrips - before).toBe(2);
    const items = await context.gateway.query('recommendations', { select: ['Title'] });
    expect(items).toHaveLength(5007);
  });

  it("reads the paper's data the same way, every list in one batch and the rest of a long one in parallel", async () => {
    const before = context.gateway.roundTrips;
    const data = await context.store.paperData('2000-01-01');
    expect(data.recommendations).toHaveLength(5007);
    expect(new Set(data.recommendations.map((r) => r.id)).size).toBe(5007);
    // The batch of every list's token, last ID and first range, then the one range past 5,000.
    expect(context.gateway.roundTrips - before).toBe(2);
  });
});
