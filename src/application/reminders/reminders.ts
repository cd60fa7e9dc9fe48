import { loadPaperData } from '../shared/paper-data';
import { organisationToday, planReminders, type ReminderPlan, type ReminderSchedule } from '../../domain';
import { digestMessages, ownerMessages } from './reminder-cards';
import type { ChannelMessage, Notifier, RecommendationStore, ReminderLog } from '../ports';
import { exponentialBackoff, retrying } from '../shared/retry';

export interface ReminderRun {
  plan: ReminderPlan;
  sent: number;
  /** Of those sent, how many the channel only accepted without confirming the post (a Workflows webhook). */
  unconfirmed: number;
  failed: { owner: string; message: string }[];
  digestPosted: boolean;
}

/** How a post to the channel is retried unless a run says otherwise. */
export const defaultPostRetry = { attempts: 3, backoffMs: 500 };

/** Posts with backoff; the notifier's error after the last attempt is passed on. */
export const postWithRetry = (notifier: Notifier, message: ChannelMessage, attempts: number, backoffMs: number): Promise<'posted' | 'accepted'> =>
  retrying(() => notifier.post(message), exponentialBackoff(attempts, backoffMs));

/**
 * One reminder pass: plan what is due, send one message per owner, record each sent reminder in the log, and
 * post the digest. Running it again sends nothing already sent; failures are recorded and retried next run.
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
}): Promise<ReminderRun> {
  const retry = deps.retry ?? defaultPostRetry;
  const data = await loadPaperData(deps.store, organisationToday(deps.now));
  const plan = planReminders({
    now: deps.now,
    meetings: data.meetings,
    recommendations: data.recommendations,
    audits: data.audits,
    updates: data.updates,
    delegations: data.delegations,
    alreadySent: await deps.log.sentKeys(),
    schedule: deps.schedule,
  });
  const run: ReminderRun = { plan, sent: 0, unconfirmed: 0, failed: [], digestPosted: false };
  if (deps.dryRun) return run;
  for (const { owner, units } of plan.messages) {
    try {
      let confirmed = true;
      for (const message of ownerMessages(owner, units, deps.links.recommendation, deps.links.myRecommendations)) {
        if ((await postWithRetry(deps.notifier, message, retry.attempts, retry.backoffMs)) === 'accepted') confirmed = false;
      }
      if (!confirmed) run.unconfirmed++;
      for (const unit of units)
        await deps.log.record({ key: unit.key, ownerEmail: owner.email, step: unit.step, sentAt: deps.now.toISOString(), outcome: 'sent' });
      run.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
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
  const digest = digestMessages(plan, run.sent, run.failed.length, deps.links.register, runKey);
  for (const message of digest) await postWithRetry(deps.notifier, message, retry.attempts, retry.backoffMs);
  run.digestPosted = digest.length > 0;
  return run;
}
