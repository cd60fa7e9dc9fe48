import type { Person } from '../../domain';

export type AdaptiveCard = { type: 'AdaptiveCard'; version: '1.5'; body: unknown[]; actions?: unknown[]; $schema: string; msteams?: unknown };

export interface ChannelMessage {
  /** The same for every attempt to send this message, so a notifier can tell a retry from a new message. */
  key: string;
  /** Plain text for notifications and for hosts that show no cards. */
  summary: string;
  card: AdaptiveCard;
  /** People the message @mentions where the channel supports it. */
  mentions: Person[];
}

/** Where reminders go: a Workflows webhook (unattended) or a channel through Graph (a signed-in coordinator). */
export interface Notifier {
  post(message: ChannelMessage): Promise<void>;
}
