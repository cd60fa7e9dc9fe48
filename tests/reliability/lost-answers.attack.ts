import { describe, expect, it } from 'vitest';
import { aRecommendation } from '../support/builders';
import { contextFor } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

/**
 * Fault: every batched write is made and its answer lost, so each retry meets the eTag its own first attempt
 * made. The store must recognise its own write, as single writes already do, and still refuse another's.
 */
describe('a batched write whose answer is lost', () => {
  const given = useProvisionedEmulator();

  it('counts its own write as written and a concurrent change as a conflict', async () => {
    const items = await Promise.all(Array.from({ length: 25 }, (_, i) => given.admin.store.createRecommendation(aRecommendation(given.auditId, `${i + 1}`))));
    const [changedElsewhere] = items;
    if (!changedElsewhere) throw new Error('no items');
    await contextFor(given.emulator, 'jordan.lead@northmere.example').store.saveRecommendation({
      ...changedElsewhere,
      value: { ...changedElsewhere.value, title: 'Changed by Jordan' },
    });
    given.emulator.faults.plan = { throttle: [], lost: 1 };
    const outcomes = await given.admin.store.writeRecommendations(
      items.map((current) => ({ kind: 'update', current, value: { ...current.value, text: 'Imported text' } })),
    );
    given.emulator.faults.plan = { throttle: [], lost: 0 };
    expect(outcomes.map((o) => o.outcome)).toEqual(['conflict', ...Array<string>(24).fill('written')]);
    const register = await given.admin.store.loadRegister();
    expect(register.recommendations.filter((r) => r.value.text === 'Imported text')).toHaveLength(24);
    expect(register.recommendations.find((r) => r.value.id === changedElsewhere.value.id)?.value).toMatchObject({
      title: 'Changed by Jordan',
      text: 'Do the thing',
    });
  });
});
