import type { Person } from '../../domain';

/** The kinds of notification the app's manifest declares; each names the parameters its template shows. */
export interface FeedActivities {
  updateDue: { count: string; deadline: string };
  returnedToYou: { item: string };
  panelDecided: { item: string };
}

export type FeedNotification = {
  [K in keyof FeedActivities]: {
    /** The same for every attempt to send this notification, so a retry replaces rather than repeats it. */
    key: string;
    activityType: K;
    parameters: FeedActivities[K];
    /** The line Teams shows under the notification (its first 150 characters). */
    previewText: string;
    /** The Teams deep link the notification opens. */
    link: string;
  };
}[keyof FeedActivities];

/** People's feeds and the Teams deep links their notifications open (a Teams link is required: a web link is refused). */
export interface FeedTarget {
  activities: ActivityFeed;
  links: { recommendation: (id: string) => string; myRecommendations: string };
}

/** A person's Teams activity feed: how reminders reach owners who are not in the audit team's channel. */
export interface ActivityFeed {
  /** `notInstalled` when the app is not installed for the person, so Teams would not show it. */
  notify(recipient: Person, notification: FeedNotification): Promise<'sent' | 'notInstalled'>;
  /** Installs the app for the person: `refused` when the organisation's policy or the caller's rights forbid it. */
  install(person: Person): Promise<'installed' | 'refused'>;
}
