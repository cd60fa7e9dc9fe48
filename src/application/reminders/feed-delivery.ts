import type { ActivityFeed, FeedNotification, FeedTarget, RecommendationStore } from '../ports';
import type { Person } from '../../domain';
import { exponentialBackoff, retrying } from '../shared/retry';
import { isAppInstalls, withoutAppSentence } from './app-for-owners';

const defaultRetry = { attempts: 3, backoffMs: 500 };

/**
 * Sends the notification; an owner the app is not installed for has it installed first, once. `withoutApp` when
 * installing is refused, so the coordinator hears of them rather than the reminder vanishing.
 */
export async function notifyInFeed(
  feed: ActivityFeed,
  owner: Person,
  notification: FeedNotification,
  retry: { attempts: number; backoffMs: number } = defaultRetry,
): Promise<'sent' | 'withoutApp'> {
  const send = () => retrying(() => feed.notify(owner, notification), exponentialBackoff(retry.attempts, retry.backoffMs));
  if ((await send()) === 'sent') return 'sent';
  if ((await feed.install(owner)) === 'refused') return 'withoutApp';
  if ((await send()) === 'sent') return 'sent';
  throw new Error('Teams refused the notification even with the app installed: check the TeamsActivity.Send permission');
}

/**
 * Tells the people an item's event concerns, in their feed, without holding up the event itself: who was told,
 * and who could not be (no app, or Teams refused), for the coordinator's confirmation to say.
 */
export interface FeedOutcome {
  told: Person[];
  notReached: Person[];
}

export const isFeedOutcome = (value: unknown): value is FeedOutcome =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Partial<FeedOutcome>).told) &&
  Array.isArray((value as Partial<FeedOutcome>).notReached);

export async function tellInFeed(feed: ActivityFeed, people: readonly Person[], notification: FeedNotification): Promise<FeedOutcome> {
  const told: Person[] = [];
  const notReached: Person[] = [];
  for (const person of people) {
    const outcome = await notifyInFeed(feed, person, { ...notification, key: `${notification.key}:${person.email}` }).catch(() => 'failed' as const);
    (outcome === 'sent' ? told : notReached).push(person);
  }
  return { told, notReached };
}

/** The confirmation's tail: who was told in Teams, and who could not be. */
export function toldInFeed({ told, notReached }: FeedOutcome): string {
  const names = (people: readonly Person[]) => people.map((p) => p.name).join(', ');
  return [told.length > 0 ? `${names(told)} told in Teams` : '', notReached.length > 0 ? `${names(notReached)} could not be told in Teams` : '']
    .filter(Boolean)
    .join('; ');
}

/** What a result says about reaching people in Teams, for its confirmation: who was told, who lacks the app. */
export function teamsReachSentence(result: unknown): string {
  if (isFeedOutcome(result)) return toldInFeed(result);
  return isAppInstalls(result) ? withoutAppSentence(result) : '';
}

/**
 * Tells an item's owners in their feed what has just happened to it ("returned to you", "the panel decided"),
 * linking to the item. Nothing when the tab has no Teams app to notify through.
 */
export async function tellOwnersOf(
  feed: FeedTarget | undefined,
  store: RecommendationStore,
  recommendationId: string,
  event: { activityType: 'returnedToYou' | 'panelDecided'; key: string; previewText: string },
): Promise<FeedOutcome | undefined> {
  if (!feed) return undefined;
  const { value: item } = await store.getRecommendation(recommendationId);
  return tellInFeed(feed.activities, item.owners, {
    key: event.key,
    activityType: event.activityType,
    parameters: { item: `${item.reference} ${item.title}` },
    previewText: event.previewText,
    link: feed.links.recommendation(recommendationId),
  });
}
