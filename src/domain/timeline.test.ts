import { describe, expect, it } from 'vitest';
import { parseTargetDate } from './target-date';
import { timeline } from './timeline';
import type { OwnerUpdate } from './owner-update';
import type { Recommendation } from './recommendation';

const person = { email: 'a@example.org', name: 'A' };
const base: Recommendation = {
  id: '1', auditId: 'a', reference: '4.1', referenceKey: '4.1', title: 't', priority: 'Low', text: '', managementResponse: '',
  owners: [person], subParts: [],
  targets: { original: parseTargetDate('May 2024'), revisions: [{ target: parseTargetDate('Aug 2025'), reason: 'Supplier', requestedBy: person, approvedBy: 'coordinator', approvedOn: '2025-02-01' }] },
  status: 'returnedToOwner', statusChangedAt: '2025-05-01T09:00:00Z', statusReason: 'Evidence is a draft',
};
const update = (submittedAt: string): OwnerUpdate => ({
  id: submittedAt, recommendationId: '1', cycle: 'x', kind: 'ownerUpdate', author: person, achieved: 'a', remaining: '', barriers: '', mitigation: '',
  proposesClosure: false, closureNarrative: '', evidence: [], note: '', idempotencyKey: `k-${submittedAt}`, submittedAt,
});

describe('timeline', () => {
  it('merges updates, revisions and the status change, oldest first', () => {
    const events = timeline(base, [update('2025-04-02T10:00:00Z'), update('2025-01-05T10:00:00Z')]);
    expect(events.map((e) => e.kind)).toEqual(['update', 'targetRevised', 'update', 'status']);
    expect(events.at(-1)).toMatchObject({ text: 'Returned to owner', reason: 'Evidence is a draft' });
  });
  it('has no status event for an item that was never moved', () => {
    expect(timeline({ ...base, status: 'open', statusChangedAt: undefined, targets: { ...base.targets, revisions: [] } }, [])).toEqual([]);
  });
});

describe('timeline with an audit trail', () => {
  it('shows who decided what, between the updates', () => {
    const events = timeline(base, [update('2025-04-02T10:00:00Z')], [{ at: '2025-05-01T09:00:00Z', label: 'Closure returned to the owner', actor: 'c@example.org', detail: 'Evidence is a draft' }]);
    expect(events.map((e) => e.kind)).toEqual(['update', 'decision']);
    expect(events[1]).toMatchObject({ text: 'Closure returned to the owner', actor: 'c@example.org', detail: 'Evidence is a draft' });
  });
});
