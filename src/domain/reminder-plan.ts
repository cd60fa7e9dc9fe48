import { auditHeading, type Audit } from './audit';
import { addDays, localDate, organisationTimeZone, type IsoDate } from './calendar';
import { isWorkable } from './lifecycle';
import { nextMeeting, type Meeting } from './meeting';
import { delegatesOf, type Delegation } from './delegation';
import type { OwnerUpdate } from './owner-update';
import type { Person } from './people';
import type { Priority } from './priority';
import { effectiveStatus, type Recommendation } from './recommendation';
import { currentTarget } from './target-history';

/** When owners are chased, relative to the update deadline; set per organisation. */
export interface ReminderSchedule {
  requestDaysBefore: number;
  reminderDaysBefore: number;
  overdueEveryDays: number;
  targetSoonDaysBefore: number;
  timeZone: string;
}

export const defaultReminderSchedule: ReminderSchedule = {
  requestDaysBefore: 21,
  reminderDaysBefore: 7,
  overdueEveryDays: 7,
  targetSoonDaysBefore: 14,
  timeZone: organisationTimeZone,
};

/** `chase`: the coordinator asked for the update herself, from the missing updates. */
export type ReminderStep = 'request' | 'reminder' | 'due' | `overdue-${number}` | 'target-soon' | 'target-passed' | 'chase';

export interface ReminderItem {
  recommendationId: string;
  /** The audit it comes from ("Vetting"), so one owner's four "4.3"s are told apart. */
  audit: string;
  reference: string;
  title: string;
  priority: Priority;
  /** For deadline reminders the update deadline; for target reminders the target date. */
  due: IsoDate;
}

/** A line of a reminder: the recommendation (or one of its parts, by `reference`) under its audit, and when it is due. */
export const reminderItem = (
  r: Pick<Recommendation, 'id' | 'reference' | 'title' | 'priority'>,
  audit: string,
  due: IsoDate,
  reference = r.reference,
): ReminderItem => ({ recommendationId: r.id, audit, reference, title: r.title, priority: r.priority, due });

/** One thing to tell one owner, recorded under its key so it is never sent twice. */
export interface ReminderUnit {
  key: string;
  step: ReminderStep;
  owner: Person;
  items: ReminderItem[];
}

export interface ReminderPlan {
  today: IsoDate;
  meeting: Meeting | undefined;
  /** Units grouped per owner: one message each. */
  messages: { owner: Person; units: ReminderUnit[] }[];
  /** Everyone still owing an update for the cycle, for the coordinators' digest. */
  outstanding: { owner: Person; items: ReminderItem[] }[];
  daysToDeadline: number | undefined;
}

/** The deadline step that applies today: only the latest, so a late first run does not send three at once. */
export function deadlineStep(today: IsoDate, deadline: IsoDate, schedule: ReminderSchedule): ReminderStep | undefined {
  if (today > deadline) {
    const days = Math.round((Date.parse(today) - Date.parse(deadline)) / 86_400_000);
    const round = Math.floor(days / schedule.overdueEveryDays);
    return round >= 1 ? `overdue-${round}` : 'due';
  }
  if (today === deadline) return 'due';
  if (today >= addDays(deadline, -schedule.reminderDaysBefore)) return 'reminder';
  if (today >= addDays(deadline, -schedule.requestDaysBefore)) return 'request';
  return undefined;
}

/**
 * Plans one reminder run: who owes an update for the next meeting and which step applies, and which targets
 * are near or past. Keys include the owner and the date, so reassigning or re-dating an item re-plans it, and
 * an item closed or updated drops out. `alreadySent` are the keys in the reminder log.
 */
export function planReminders(input: {
  now: Date;
  meetings: readonly Meeting[];
  recommendations: readonly Recommendation[];
  /** The audits the recommendations come from: each reminder line names its audit. */
  audits?: readonly Audit[];
  updates: readonly OwnerUpdate[];
  /** Owners' namings of delegates: a delegate is chased beside the owner, since either may write the update. */
  delegations?: readonly Delegation[];
  alreadySent: Pick<ReadonlySet<string>, 'has'>;
  schedule?: ReminderSchedule;
}): ReminderPlan {
  const schedule = input.schedule ?? defaultReminderSchedule;
  const today = localDate(input.now, schedule.timeZone);
  // The meeting being prepared: the first whose date is still ahead.
  const meeting = nextMeeting(input.meetings, today);
  const updatesOf = (id: string) => input.updates.filter((u) => u.recommendationId === id);
  const audits = new Map((input.audits ?? []).map((a) => [a.id, auditHeading(a)]));
  const units: ReminderUnit[] = [];
  const outstanding = new Map<string, { owner: Person; items: ReminderItem[] }>();

  for (const r of input.recommendations) {
    const status = effectiveStatus(r, updatesOf(r.id));
    if (!isWorkable(status)) continue;
    // Each open part's owners are chased for their own part, under its own target, beside the item's owners.
    const parts = r.subParts.filter((p) => p.status !== 'done');
    const duties = [
      { owners: [...r.owners, ...delegatesOf(r, input.delegations ?? [])], reference: r.reference, target: currentTarget(r.targets), part: undefined },
      ...parts.map((p) => ({ owners: p.owners, reference: `${r.reference} part ${p.label}`, target: p.target, part: p.label })),
    ];
    for (const duty of duties) {
      const item = (due: IsoDate): ReminderItem => reminderItem(r, audits.get(r.auditId) ?? '', due, duty.reference);
      const reported = updatesOf(r.id).some((u) => meeting && u.cycle === meeting.cycle && (duty.part === undefined || u.part === duty.part));
      if (meeting && !reported) {
        for (const owner of duty.owners) {
          const entry = outstanding.get(owner.email) ?? { owner, items: [] };
          entry.items.push(item(meeting.updateDeadline));
          outstanding.set(owner.email, entry);
        }
      }
      const due = duty.target.due;
      if (!due) continue;
      const targetStep: ReminderStep | undefined =
        today > due ? 'target-passed' : today >= addDays(due, -schedule.targetSoonDaysBefore) ? 'target-soon' : undefined;
      if (!targetStep) continue;
      const unitKey = (owner: Person) => `${targetStep}:${r.id}${duty.part ? `:${duty.part}` : ''}:${due}:${owner.email}`;
      for (const owner of duty.owners) units.push({ key: unitKey(owner), step: targetStep, owner, items: [item(due)] });
    }
  }

  const step = meeting ? deadlineStep(today, meeting.updateDeadline, schedule) : undefined;
  if (meeting && step) {
    for (const { owner, items } of outstanding.values()) units.push({ key: `${meeting.cycle}:${step}:${owner.email}`, step, owner, items });
  }

  const messages = new Map<string, { owner: Person; units: ReminderUnit[] }>();
  for (const unit of units) {
    if (input.alreadySent.has(unit.key)) continue;
    const entry = messages.get(unit.owner.email) ?? { owner: unit.owner, units: [] };
    entry.units.push(unit);
    messages.set(unit.owner.email, entry);
  }
  return {
    today,
    meeting,
    messages: [...messages.values()].sort((a, b) => a.owner.name.localeCompare(b.owner.name)),
    outstanding: [...outstanding.values()].sort((a, b) => a.owner.name.localeCompare(b.owner.name)),
    daysToDeadline: meeting ? Math.round((Date.parse(meeting.updateDeadline) - Date.parse(today)) / 86_400_000) : undefined,
  };
}
