import { describe, expect, it } from 'vitest';
import { parseTargetDate } from './target-date';
import { timeline } from './timeline';
import type { OwnerUpdate } from './owner-update';
import type { Recommendation } from './recommendation';

const person = { email: 'a@example.org', name: 'A' };
const base: Recommendation = {
  id: '1',
  auditId: 'a',
  reference: '4.1',
  referenceKey: '4.1',
  title: 't',
  priority: 'Low',
  text: '',
  managementResponse: '',
  owners: [person],
  subParts: [],
  targets: {
    original: parseTargetDate('May 2024'),
    revisions: [{ target: parseTargetDate('Aug 2025'), reason: 'Supplier', requestedBy: person, approvedBy: 'coordinator', approvedOn: '2025-02-01' }],
  },
  status: 'returnedToOwner',
  statusChangedAt: '2025-05-01T09:00:00Z',
  statusReason: 'Evidence is a draft',
};
const update = (submittedAt: string): OwnerUpdate => ({
  id: submittedAt,
  recommendationId: '1',
  cycle: 'x',
  kind: 'ownerUpdate',
  author: person,
  achieved: 'a',
  remaining: '',
  barriers: '',
  mitigation: '',
  proposesClosure: false,
  closureNarrative: '',
  evidence: [],
  note: '',
  idempotencyKey: `k-${submittedAt}`,
  submittedAt,
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
  const returned = { kind: 'returnToOwner', at: '2025-05-01T09:00:00Z', label: 'Closure returned to the owner', actor: 'Casey', detail: 'Evidence is a draft' };
  it('shows who decided what, between the updates, and the status change once', () => {
    const events = timeline(base, [update('2025-04-02T10:00:00Z')], [returned]);
    expect(events.map((e) => e.kind)).toEqual(['targetRevised', 'update', 'decision']);
    expect(events[2]).toMatchObject({ text: 'Closure returned to the owner', actor: 'Casey', detail: 'Evidence is a draft' });
  });
  it('keeps an earlier return and its reason when a later decision starts the trail', () => {
    const accepted = { kind: 'acceptForPanel', at: '2025-06-01T09:00:00Z', label: 'Closure accepted for the panel', actor: 'Casey', detail: '' };
    const events = timeline(base, [update('2025-05-20T10:00:00Z')], [accepted]);
    expect(events.map((e) => e.kind)).toEqual(['targetRevised', 'status', 'update', 'decision']);
    expect(events[1]).toMatchObject({ text: 'Returned to owner', reason: 'Evidence is a draft' });
  });
  it('shows a revision once when the trail recorded its approval', () => {
    const approved = { kind: 'extensionApproved', at: '2025-02-01T15:00:00Z', label: 'New target approved', actor: 'Casey', detail: 'Aug 2025: Supplier' };
    const events = timeline(base, [], [approved, returned]);
    expect(events.map((e) => e.kind)).toEqual(['decision', 'decision']);
  });
});
