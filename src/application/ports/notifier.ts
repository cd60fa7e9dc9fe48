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
  /**
   * Posts the message: `posted` when the channel confirms it, `accepted` when it was only taken for later
   * (Workflows answers 202 before its flow runs, so a flow that then fails is not seen here).
   */
  post(message: ChannelMessage): Promise<'posted' | 'accepted'>;
}
