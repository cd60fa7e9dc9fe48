import type { Notifier } from './notifier';

/** A message as posted in the channel, for the in-tab Channel view. */
export interface PostedMessage {
  id: string;
  at: string;
  from: string;
  /** Posted by an app (the reminders' Workflows flow) rather than a person. */
  byApplication: boolean;
  text: string;
  cards: unknown[];
}

/** The coordinators' channel: where reminders go and what the tab shows of it. */
export interface TeamChannel {
  notifier: Notifier;
  /** A private or shared channel, as the host says: Workflows cannot post into it. */
  isPrivate?: boolean;
  recent(): Promise<PostedMessage[]>;
}
