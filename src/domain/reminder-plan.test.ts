import { describe, expect, it } from 'vitest';
import type { Meeting } from './meeting';
import type { OwnerUpdate } from './owner-update';
import type { Recommendation } from './recommendation';
import { localDate } from './calendar';
import { deadlineStep, defaultReminderSchedule, planReminders } from './reminder-plan';
import { parseTargetDate } from './target-date';

const dana = { email: 'dana@example.org', name: 'Dana' };
const sam = { email: 'sam@example.org', name: 'Sam' };
const meeting: Meeting = { id: 'm', title: 'Panel', date: '2025-07-15', updateDeadline: '2025-06-24', cycle: 'June 2025' };
const rec = (id: string, over: Partial<Recommendation> = {}): Recommendation => ({
  id,
  auditId: 'a',
  reference: `4.${id}`,
  referenceKey: `4.${id}`,
  title: `Rec ${id}`,
  priority: 'Medium',
  text: '',
  managementResponse: '',
  owners: [dana],
  subParts: [],
  targets: { original: parseTargetDate('Dec 2026'), revisions: [] },
  status: 'open',
  ...over,
});
const updated = (recommendationId: string): OwnerUpdate => ({
  id: `u${recommendationId}`,
  recommendationId,
  cycle: 'June 2025',
  kind: 'ownerUpdate',
  author: dana,
  achieved: 'x',
  remaining: '',
  barriers: '',
  mitigation: '',
  proposesClosure: false,
  closureNarrative: '',
  evidence: [],
  note: '',
  idempotencyKey: `k-${recommendationId}-0000`,
  submittedAt: '2025-06-10T10:00:00Z',
});
const at = (iso: string) => new Date(iso);

describe('reminder planning', () => {
  it("chases a part's owner for their own part until they report on it, and for the part's target", () => {
    const parted = rec('9', {
      subParts: [
        { label: 'a', text: '', owners: [dana], target: parseTargetDate('Dec 2026'), status: 'done' },
        { label: 'b', text: '', owners: [sam], target: parseTargetDate('30 June 2025'), status: 'open' },
      ],
    });
    const plan = (updates: OwnerUpdate[]) =>
      planReminders({ now: at('2025-06-24T09:00:00Z'), meetings: [meeting], recommendations: [parted], updates, alreadySent: new Set() });
    const samsItems = (updates: OwnerUpdate[]) =>
      plan(updates)
        .messages.find((m) => m.owner.email === sam.email)
        ?.units.map((u) => `${u.step} ${u.items[0]?.reference}`);
    expect(samsItems([])).toEqual(['target-soon 4.9 part b', 'due 4.9 part b']);
    // Dana's update on the whole item does not answer for part b; Sam's on part b does.
    expect(samsItems([updated('9')])).toEqual(['target-soon 4.9 part b', 'due 4.9 part b']);
    expect(samsItems([{ ...updated('9'), author: sam, part: 'b' }])).toEqual(['target-soon 4.9 part b']);
  });

  it('picks the step for the day: request, reminder, on the day, then every 7 days overdue', () => {
    const step = (today: string) => deadlineStep(today, '2025-06-24', defaultReminderSchedule);
    expect(step('2025-06-02')).toBeUndefined();
    expect(step('2025-06-03')).toBe('request');
    expect(step('2025-06-16')).toBe('request');
    expect(step('2025-06-17')).toBe('reminder');
    expect(step('2025-06-24')).toBe('due');
    expect(step('2025-06-30')).toBe('due');
    expect(step('2025-07-01')).toBe('overdue-1');
    expect(step('2025-07-08')).toBe('overdue-2');
  });

  it('uses the organisation time zone across daylight saving changes', () => {
    expect(localDate(at('2025-03-30T00:30:00Z'), 'Europe/London')).toBe('2025-03-30');
    expect(localDate(at('2025-03-29T23:30:00Z'), 'Europe/London')).toBe('2025-03-29');
    expect(localDate(at('2025-06-16T23:30:00Z'), 'Europe/London')).toBe('2025-06-17');
    expect(localDate(at('2025-10-25T23:30:00Z'), 'Europe/London')).toBe('2025-10-26');
    expect(localDate(at('2025-10-26T23:30:00Z'), 'Europe/London')).toBe('2025-10-26');
    const plan = planReminders({ now: at('2025-06-16T23:30:00Z'), meetings: [meeting], recommendations: [rec('1')], updates: [], alreadySent: new Set() });
    expect(plan.messages[0]?.units[0]?.step).toBe('reminder');
  });

  it('sends one message per owner listing all their outstanding items, and nothing for updated or closed items', () => {
    const plan = planReminders({
      now: at('2025-06-05T08:00:00Z'),
      meetings: [meeting],
      recommendations: [rec('1'), rec('2'), rec('3', { status: 'closed' }), rec('4'), rec('5', { owners: [dana, sam] })],
      updates: [updated('4')],
      alreadySent: new Set(),
    });
    expect(plan.messages.map((m) => [m.owner.name, m.units.map((u) => [u.key, u.items.map((i) => i.recommendationId)])])).toEqual([
      ['Dana', [['June 2025:request:dana@example.org', ['1', '2', '5']]]],
      ['Sam', [['June 2025:request:sam@example.org', ['5']]]],
    ]);
    expect(plan.daysToDeadline).toBe(19);
  });

  it('never sends the same step twice, and sends the next step when it comes', () => {
    const input = { meetings: [meeting], recommendations: [rec('1')], updates: [] };
    const first = planReminders({ ...input, now: at('2025-06-05T08:00:00Z'), alreadySent: new Set() });
    const sent = new Set(first.messages.flatMap((m) => m.units.map((u) => u.key)));
    expect(planReminders({ ...input, now: at('2025-06-05T18:00:00Z'), alreadySent: sent }).messages).toEqual([]);
    expect(planReminders({ ...input, now: at('2025-06-18T08:00:00Z'), alreadySent: sent }).messages[0]?.units[0]?.key).toBe(
      'June 2025:reminder:dana@example.org',
    );
  });

  it('re-plans a reassigned item for its new owner, and a re-dated target under its new date', () => {
    const sent = new Set(['June 2025:request:dana@example.org', 'target-soon:1:2025-06-30:dana@example.org']);
    const reassigned = planReminders({
      now: at('2025-06-20T08:00:00Z'),
      meetings: [],
      recommendations: [rec('1', { owners: [sam], targets: { original: parseTargetDate('30/06/2025'), revisions: [] } })],
      updates: [],
      alreadySent: sent,
    });
    expect(reassigned.messages.map((m) => m.units.map((u) => u.key))).toEqual([['target-soon:1:2025-06-30:sam@example.org']]);
    const redated = planReminders({
      now: at('2025-07-05T08:00:00Z'),
      meetings: [],
      alreadySent: sent,
      updates: [],
      recommendations: [
        rec('1', {
          targets: {
            original: parseTargetDate('30/06/2025'),
            revisions: [{ target: parseTargetDate('15/07/2025'), reason: 'r', requestedBy: dana, approvedBy: 'coordinator', approvedOn: '2025-07-01' }],
          },
        }),
      ],
    });
    expect(redated.messages[0]?.units.map((u) => u.key)).toEqual(['target-soon:1:2025-07-15:dana@example.org']);
  });

  it('reminds 14 days before a target and once it has passed while open', () => {
    const plan = (now: string) =>
      planReminders({
        now: at(now),
        meetings: [],
        recommendations: [rec('1', { targets: { original: parseTargetDate('30/06/2025'), revisions: [] } })],
        updates: [],
        alreadySent: new Set(),
      }).messages[0]?.units[0]?.step;
    expect(plan('2025-06-15T08:00:00Z')).toBeUndefined();
    expect(plan('2025-06-16T08:00:00Z')).toBe('target-soon');
    expect(plan('2025-07-01T08:00:00Z')).toBe('target-passed');
  });

  it('lists everyone outstanding for the digest even before the first reminder step', () => {
    const plan = planReminders({ now: at('2025-05-01T08:00:00Z'), meetings: [meeting], recommendations: [rec('1')], updates: [], alreadySent: new Set() });
    expect(plan.messages).toEqual([]);
    expect(plan.outstanding.map((o) => o.owner.name)).toEqual(['Dana']);
  });
});
