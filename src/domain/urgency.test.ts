import { describe, expect, it } from 'vitest';
import { parseTargetDate } from './target-date';
import { compareUrgency, type UrgencyInput } from './urgency';

const item = (over: Partial<UrgencyInput> & { name: string }): UrgencyInput & { name: string } => ({
  status: 'open',
  priority: 'Medium',
  current: parseTargetDate('Dec 2025'),
  updateDue: false,
  ...over,
});

describe('urgency order', () => {
  it('puts owed updates, then overdue, then earliest, then High first, and finished items last', () => {
    const items = [
      item({ name: 'closed', status: 'closed', current: parseTargetDate('Jan 2020') }),
      item({ name: 'later', current: parseTargetDate('Dec 2026') }),
      item({ name: 'undated', current: parseTargetDate('TBC') }),
      item({ name: 'overdue', current: parseTargetDate('Jan 2025') }),
      item({ name: 'owes update', updateDue: true, current: parseTargetDate('Dec 2026') }),
      item({ name: 'sooner low', priority: 'Low', current: parseTargetDate('Aug 2025') }),
      item({ name: 'sooner high', priority: 'High', current: parseTargetDate('Aug 2025') }),
    ];
    const order = items.sort((a, b) => compareUrgency(a, b, '2025-06-01')).map((i) => i.name);
    expect(order).toEqual(['owes update', 'overdue', 'sooner high', 'sooner low', 'later', 'undated', 'closed']);
  });
});

describe('next meeting', () => {
  it('is the first meeting on or after today', async () => {
    const { nextMeeting, meetingSchema } = await import('./meeting');
    const m = (id: string, date: string) => ({ id, title: id, date, updateDeadline: date, cycle: id });
    expect(nextMeeting([m('b', '2025-07-10'), m('a', '2025-04-10'), m('c', '2025-10-10')], '2025-04-11')?.id).toBe('b');
    expect(nextMeeting([m('a', '2025-04-10')], '2025-04-10')?.id).toBe('a');
    expect(nextMeeting([m('a', '2025-04-10')], '2025-04-11')).toBeUndefined();
    expect(meetingSchema.safeParse({ ...m('x', '2025-04-10'), updateDeadline: '2025-04-11' }).success).toBe(false);
  });
});
