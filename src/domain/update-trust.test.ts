import { describe, expect, it } from 'vitest';
import { anUpdate } from '../../tests/support/builders';
import type { OwnerUpdate } from './owner-update';
import { maxUpdatesPerCycle, screenUpdates } from './update-trust';

const priya = { email: 'priya@x.example', name: 'Priya' };
const tom = { email: 'tom@x.example', name: 'Tom' };
const rec = {
  id: 'r1',
  reference: '4.1',
  owners: [priya],
  subParts: [{ label: 'a', text: '', owners: [tom], target: { text: 'TBC' }, status: 'open' as const }],
};
const update = (over: Partial<OwnerUpdate>): OwnerUpdate => ({ id: `u${Math.random()}`, ...anUpdate('r1', { author: priya, cycle: 'June 2025', ...over }) });

describe('which updates count', () => {
  it("counts a delegate's updates written while the delegation stood, not those before or after", () => {
    const sam = { email: 'sam@x.example', name: 'Sam' };
    const record = (at: string, ended: boolean, namedBy = priya) => ({ recommendationId: 'r1', namedBy, delegate: sam, at, ended });
    const delegations = [record('2025-06-02T10:00:00Z', false), record('2025-06-09T10:00:00Z', true), record('2025-06-05T10:00:00Z', true, sam)];
    const at = (submittedAt: string) => update({ author: sam, achieved: submittedAt, submittedAt });
    // Sam's own step-down on the 5th counts; so the 9th's ending by Priya changes nothing more.
    const screened = screenUpdates(
      [rec],
      [at('2025-06-01T10:00:00Z'), at('2025-06-03T10:00:00Z'), at('2025-06-05T10:00:00Z'), at('2025-06-06T10:00:00Z')],
      delegations,
    );
    expect(screened.trusted.map((u) => u.achieved)).toEqual(['2025-06-03T10:00:00Z', '2025-06-05T10:00:00Z']);
    expect(screened.suspect.map((s) => s.update.achieved)).toEqual(['2025-06-01T10:00:00Z', '2025-06-06T10:00:00Z']);
  });

  it("holds a part's owner to their own part", () => {
    const whole = update({ author: tom });
    const otherPart = update({ author: tom, part: 'b' });
    const screened = screenUpdates([rec], [whole, otherPart]);
    expect(screened.trusted).toEqual([]);
    expect(screened.suspect.map((s) => s.reason)).toEqual([
      'Tom (tom@x.example) does not own the whole of 4.1',
      'Tom (tom@x.example) does not own the whole of 4.1',
    ]);
  });

  it("counts the owners' and part owners' own updates, and the audit team's notes", () => {
    const updates = [
      update({}),
      update({ author: { ...tom, email: 'TOM@x.example' }, part: 'a' }),
      update({ kind: 'coordinatorNote', author: { email: 'c@x.example', name: 'C' } }),
    ];
    expect(screenUpdates([rec], updates).trusted).toHaveLength(3);
  });

  it('sets aside an update by someone who does not own the item, or for an item not in the register', () => {
    const { trusted, suspect } = screenUpdates([rec], [update({ author: { email: 'eve@x.example', name: 'Eve' } }), update({ recommendationId: 'gone' })]);
    expect(trusted).toEqual([]);
    expect(suspect.map((s) => s.reason)).toEqual([
      'Eve (eve@x.example) does not own 4.1',
      'Priya posted it against a recommendation that is not in the register',
    ]);
  });

  it('counts only the first updates of a flood from one person on one item in one cycle', () => {
    const flood = Array.from({ length: maxUpdatesPerCycle + 5 }, () => update({}));
    const { trusted, suspect } = screenUpdates([rec], flood);
    expect([trusted.length, suspect.length]).toEqual([maxUpdatesPerCycle, 5]);
  });
});
