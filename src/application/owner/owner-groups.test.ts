import { describe, expect, it } from 'vitest';
import { parseTargetDate, type Meeting } from '../../domain';
import { ownerGroupDate, ownerGroupOf } from './owner-groups';

const meeting: Meeting = { id: 'm', title: 'Panel July 2025', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' };
const item = (over: Partial<Parameters<typeof ownerGroupOf>[0]> = {}): Parameters<typeof ownerGroupOf>[0] => ({
  status: 'open',
  updateDue: false,
  current: parseTargetDate('December 2025'),
  ...over,
});

describe("the owner's groups", () => {
  it('puts what the owner owes first, then what falls due, what is in hand, what waits, and what is done', () => {
    expect(ownerGroupOf(item({ updateDue: true }), meeting)).toBe('actionNeeded');
    expect(ownerGroupOf(item({ status: 'returnedToOwner', actionNeeded: { reason: 'No evidence' } }), meeting)).toBe('actionNeeded');
    // Not accepted by the panel: open again, with the reason, until the owner answers.
    expect(ownerGroupOf(item({ actionNeeded: { reason: 'The panel did not accept its closure' } }), meeting)).toBe('actionNeeded');
    expect(ownerGroupOf(item({ current: parseTargetDate('June 2025') }), meeting)).toBe('dueThisCycle');
    expect(ownerGroupOf(item({ current: parseTargetDate('July 2025') }), meeting)).toBe('inProgress');
    expect(ownerGroupOf(item({ current: parseTargetDate('March 2024') }), meeting)).toBe('dueThisCycle');
    expect(ownerGroupOf(item(), meeting)).toBe('inProgress');
    expect(ownerGroupOf(item({ status: 'proposedClosed' }), meeting)).toBe('waiting');
    expect(ownerGroupOf(item({ status: 'acceptedForPanel' }), meeting)).toBe('waiting');
    expect(ownerGroupOf(item({ status: 'closed' }), meeting)).toBe('done');
    expect(ownerGroupOf(item({ status: 'riskAccepted' }), meeting)).toBe('done');
  });

  it('dates each group by what it answers to', () => {
    expect(ownerGroupDate('actionNeeded', meeting)).toEqual({ label: 'update by', date: '2025-06-24' });
    expect(ownerGroupDate('waiting', meeting)).toEqual({ label: 'panel meets', date: '2025-07-15' });
    expect(ownerGroupDate('done', meeting)).toBeUndefined();
    expect(ownerGroupDate('actionNeeded', undefined)).toBeUndefined();
  });
});
