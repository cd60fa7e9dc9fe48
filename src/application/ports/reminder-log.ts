export interface ReminderLogEntry {
  key: string;
  ownerEmail: string;
  step: string;
  sentAt: string;
  outcome: 'sent' | 'failed';
}

export interface ReminderLog {
  /** Keys of reminders already sent (failed attempts are not among them, so they are retried). */
  sentKeys(): Promise<Set<string>>;
  record(entry: ReminderLogEntry): Promise<void>;
}
