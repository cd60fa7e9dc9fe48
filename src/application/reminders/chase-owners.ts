import { auditHeading, reminderItem, type Audit, type Person, type ReminderItem, type ReminderUnit } from '../../domain';
import type { Notifier, ReminderLog } from '../ports';
import type { MissingUpdate } from '../coordinator/missing-updates';
import { ownerMessages } from './reminder-cards';
import { defaultPostRetry, postWithRetry } from './reminders';

/**
 * "Remind these owners": the coordinator chases the owners she picked from the missing updates, now, one message
 * each listing what they owe. Keyed by cycle, day and owner, so a double click or a retry never posts twice.
 */
export async function chaseOwners(deps: {
  missing: readonly MissingUpdate[];
  audits: readonly Audit[];
  cycle: string;
  deadline: string;
  today: string;
  now: Date;
  log: ReminderLog;
  notifier: Notifier;
  links: { recommendation: (id: string) => string; myRecommendations: string };
}): Promise<{ sent: number; already: number }> {
  const audits = new Map(deps.audits.map((a) => [a.id, auditHeading(a)]));
  const byOwner = new Map<string, { owner: Person; items: ReminderItem[] }>();
  for (const { row, owners } of deps.missing)
    for (const owner of owners) {
      const entry = byOwner.get(owner.email) ?? { owner, items: [] };
      entry.items.push(reminderItem(row.recommendation, audits.get(row.recommendation.auditId) ?? '', deps.deadline));
      byOwner.set(owner.email, entry);
    }
  const sentKeys = await deps.log.sentKeys();
  let sent = 0;
  let already = 0;
  for (const { owner, items } of byOwner.values()) {
    const unit: ReminderUnit = { key: `${deps.cycle}:chase:${deps.today}:${owner.email}`, step: 'chase', owner, items };
    if (sentKeys.has(unit.key)) {
      already++;
      continue;
    }
    for (const message of ownerMessages(owner, [unit], deps.links.recommendation, deps.links.myRecommendations))
      await postWithRetry(deps.notifier, message, defaultPostRetry.attempts, defaultPostRetry.backoffMs);
    await deps.log.record({ key: unit.key, ownerEmail: owner.email, step: unit.step, sentAt: deps.now.toISOString(), outcome: 'sent' });
    sent++;
  }
  return { sent, already };
}
