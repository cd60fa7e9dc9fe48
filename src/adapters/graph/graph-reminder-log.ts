import type { ReminderLog, ReminderLogEntry } from '../../application/ports';
import { UniqueValueError } from './gateway/errors';
import type { ListGateway } from './list-gateway';

/** The reminder log list: what was sent to whom and when, keyed so nothing is sent or recorded twice. */
export class GraphReminderLog implements ReminderLog {
  constructor(private readonly gateway: ListGateway) {}

  async sentKeys(): Promise<Set<string>> {
    const items = await this.gateway.query('reminders', { select: ['ReminderKey', 'Outcome'] });
    return new Set(items.filter((i) => i.fields.Outcome === 'sent').map((i) => String(i.fields.ReminderKey)));
  }

  async record(entry: ReminderLogEntry): Promise<void> {
    try {
      await this.gateway.create('reminders', {
        Title: entry.step,
        ReminderKey: entry.key,
        OwnerEmail: entry.ownerEmail,
        Step: entry.step,
        SentAt: entry.sentAt,
        Outcome: entry.outcome,
      });
    } catch (error) {
      if (!(error instanceof UniqueValueError)) throw error;
    }
  }
}
