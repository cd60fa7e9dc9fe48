import type { Person } from '../../domain';

/** Where an owner's reminder goes: a mention in the coordinators' channel, their own activity feed, or both. */
export type ReminderDelivery = 'channel' | 'feed' | 'both';
export const reminderDeliveries: readonly ReminderDelivery[] = ['channel', 'feed', 'both'];

/** People's own choice of how they are reminded; the coordinator's default serves everyone who has made none. */
export interface ReminderPreferences {
  /** By email: only choices made by the person themselves (SharePoint's author), never on their behalf. */
  all(): Promise<Map<string, ReminderDelivery>>;
  /** The signed-in person's own choice, or undefined to follow the audit team's default. */
  set(person: Person, delivery: ReminderDelivery | undefined): Promise<void>;
}
