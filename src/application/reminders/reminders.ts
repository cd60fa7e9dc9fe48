import { loadPaperData } from '../shared/paper-data';
import { organisationToday, planReminders, type Person, type ReminderPlan, type ReminderSchedule, type ReminderUnit } from '../../domain';
import { digestMessages, ownerFeedNotification, ownerMessages } from './reminder-cards';
import { notifyInFeed } from './feed-delivery';
import type { ChannelMessage, FeedTarget, Notifier, RecommendationStore, ReminderDelivery, ReminderLog, ReminderPreferences } from '../ports';
import { exponentialBackoff, retrying } from '../shared/retry';

export interface ReminderRun {
  plan: ReminderPlan;
  sent: number;
  /** Of those sent, how many the channel only accepted without confirming the post (a Workflows webhook). */
  unconfirmed: number;
  failed: { owner: string; message: string }[];
  /** Owners whose activity feed the app could not reach: not installed for them, and installing was refused. */
  withoutApp: Person[];
  /** By owner's email, the routes still to carry their reminder (a route already taken today is not repeated). */
  routes: Record<string, ReminderRoute[]>;
  digestPosted: boolean;
}

export type ReminderRoute = 'channel' | 'feed';

/** How a post to the channel is retried unless a run says otherwise. */
export const defaultPostRetry = { attempts: 3, backoffMs: 500 };

/** Posts with backoff; the notifier's error after the last attempt is passed on. */
export const postWithRetry = (notifier: Notifier, message: ChannelMessage, attempts: number, backoffMs: number): Promise<'posted' | 'accepted'> =>
  retrying(() => notifier.post(message), exponentialBackoff(attempts, backoffMs));

/**
 * The log key that says a unit went by a route. The channel's is the unit's own key, as it always was, so the log
 * of runs made before the feed existed still counts.
 */
const routeKey = (unitKey: string, route: ReminderRoute): string => (route === 'channel' ? unitKey : `${unitKey}:feed`);

/**
 * One reminder pass: plan what is due, remind each owner once by each route the delivery names, record each
 * route's reminder in the log, and post the digest. Running it again sends nothing already sent; a failed route
 * is recorded and retried next run, without repeating a route that worked.
 */
export async function runReminders(deps: {
  store: RecommendationStore;
  log: ReminderLog;
  notifier: Notifier;
  now: Date;
  dryRun?: boolean;
  schedule?: ReminderSchedule;
  links: { recommendation: (id: string) => string; myRecommendations: string; register: string };
  retry?: { attempts: number; backoffMs: number };
  /** The coordinator's default: the channel unless a feed is given and chosen. */
  delivery?: ReminderDelivery;
  feed?: FeedTarget;
  /** Owners' own choices, which override the default for them. */
  preferences?: ReminderPreferences;
}): Promise<ReminderRun> {
  const retry = deps.retry ?? defaultPostRetry;
  const delivery = deps.delivery ?? 'channel';
  const { feed } = deps;
  if (delivery !== 'channel' && !feed) throw new Error(`Reminders by activity feed (${delivery}) need the Teams app's id (TEAMS_APP_ID)`);
  const chosen = (await deps.preferences?.all()) ?? new Map<string, ReminderDelivery>();
  // Without a Teams app to notify through, an owner's choice of the feed cannot be honoured: the channel serves.
  const routesOf = (email: string): ReminderRoute[] => {
    const by = feed ? (chosen.get(email.toLowerCase()) ?? delivery) : 'channel';
    return (['channel', 'feed'] as const).filter((r) => by === 'both' || by === r);
  };
  const data = await loadPaperData(deps.store, organisationToday(deps.now));
  const logged = await deps.log.sentKeys();
  const pending = (owner: Person, units: readonly ReminderUnit[], route: ReminderRoute) =>
    routesOf(owner.email).includes(route) && units.some((u) => !logged.has(routeKey(u.key, route)));
  const planned = planReminders({
    now: deps.now,
    meetings: data.meetings,
    recommendations: data.recommendations,
    audits: data.audits,
    updates: data.updates,
    delegations: data.delegations,
    // Routes differ by owner, so what is done is decided below, unit by unit, for each owner's own routes.
    alreadySent: new Set(),
    schedule: deps.schedule,
  });
  // A unit is done once every route its owner is reminded by has carried it.
  const plan: ReminderPlan = {
    ...planned,
    messages: planned.messages
      .map(({ owner, units }) => ({ owner, units: units.filter((u) => routesOf(owner.email).some((r) => !logged.has(routeKey(u.key, r)))) }))
      .filter((m) => m.units.length > 0),
  };
  const run: ReminderRun = {
    plan,
    sent: 0,
    unconfirmed: 0,
    failed: [],
    withoutApp: [],
    routes: Object.fromEntries(plan.messages.map(({ owner, units }) => [owner.email, routesOf(owner.email).filter((r) => pending(owner, units, r))])),
    digestPosted: false,
  };
  if (deps.dryRun) return run;
  const record = async (units: readonly ReminderUnit[], owner: Person, route: ReminderRoute) => {
    for (const unit of units)
      await deps.log.record({ key: routeKey(unit.key, route), ownerEmail: owner.email, step: unit.step, sentAt: deps.now.toISOString(), outcome: 'sent' });
  };
  for (const { owner, units } of plan.messages) {
    let reached = false;
    try {
      if (pending(owner, units, 'channel')) {
        let confirmed = true;
        for (const message of ownerMessages(owner, units, deps.links.recommendation, deps.links.myRecommendations)) {
          if ((await postWithRetry(deps.notifier, message, retry.attempts, retry.backoffMs)) === 'accepted') confirmed = false;
        }
        if (!confirmed) run.unconfirmed++;
        await record(units, owner, 'channel');
        reached = true;
      }
      if (feed && pending(owner, units, 'feed')) {
        const outcome = await notifyInFeed(feed.activities, owner, ownerFeedNotification(plan, units, feed.links), retry);
        if (outcome === 'sent') {
          await record(units, owner, 'feed');
          reached = true;
        } else run.withoutApp.push(owner);
      }
      if (reached) run.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (reached) run.sent++;
      run.failed.push({ owner: owner.email, message });
      for (const unit of units) {
        await deps.log.record({
          key: `${unit.key}:failed:${deps.now.toISOString()}`,
          ownerEmail: owner.email,
          step: unit.step,
          sentAt: deps.now.toISOString(),
          outcome: 'failed',
        });
      }
    }
  }
  // Each run posts its own digest, even two runs in the same instant; retries within the run reuse its key.
  const runKey = `${deps.now.toISOString()}:${crypto.randomUUID()}`;
  const digest = digestMessages(plan, run.sent, run.failed.length, deps.links.register, runKey, run.withoutApp);
  for (const message of digest) await postWithRetry(deps.notifier, message, retry.attempts, retry.backoffMs);
  run.digestPosted = digest.length > 0;
  return run;
}
