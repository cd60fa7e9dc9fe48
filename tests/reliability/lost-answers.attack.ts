import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import type { JobContext } from '../../src/jobs/job-context';
import { aRecommendation, anAudit } from '../support/builders';
import { contextFor, provisioned, startTestEmulator } from '../support/emulator-harness';

/**
 * Fault: every batched write is made and its answer lost, so each retry meets the eTag its own first attempt
 * made. The store must recognise its own write, as single writes already do, and still refuse another's.
 */
describe('a batched write whose answer is lost', () => {
  let emulator: Emulator;
  let admin: JobContext;
  let auditId: string;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    admin = await provisioned(emulator);
    auditId = (await admin.store.upsertAudit(anAudit())).value.id;
  });
  afterAll(() => emulator.close());

  it('counts its own write as written and a concurrent change as a conflict', async () => {
    const items = await Promise.all(Array.from({ length: 25 }, (_, i) => admin.store.createRecommendation(aRecommendation(auditId, `${i + 1}`))));
    const [changedElsewhere] = items;
    if (!changedElsewhere) throw new Error('no items');
    await contextFor(emulator, 'jordan.lead@northmere.example').store.saveRecommendation({
      ...changedElsewhere,
      value: { ...changedElsewhere.value, title: 'Changed by Jordan' },
    });
    emulator.faults.plan = { throttle: [], lost: 1 };
    const outcomes = await admin.store.writeRecommendations(
      items.map((current) => ({ kind: 'update', current, value: { ...current.value, text: 'Imported text' } })),
    );
    emulator.faults.plan = { throttle: [], lost: 0 };
    expect(outcomes.map((o) => o.outcome)).toEqual(['conflict', ...Array<string>(24).fill('written')]);
    const register = await admin.store.loadRegister();
    expect(register.recommendations.filter((r) => r.value.text === 'Imported text')).toHaveLength(24);
    expect(register.recommendations.find((r) => r.value.id === changedElsewhere.value.id)?.value).toMatchObject({
      title: 'Changed by Jordan',
      text: 'Do the thing',
    });
  });
});
