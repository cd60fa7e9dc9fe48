import { channelIsPrivate, teamChannel } from '../adapters/graph/graph-channel-notifier';
import { GraphReminderLog } from '../adapters/graph/graph-reminder-log';
import { WorkflowsNotifier } from '../adapters/notify/workflows-notifier';
import { GraphUserIds } from '../adapters/graph/graph-user-ids';
import { reminderLinks } from '../application/reminders/reminder-links';
import { runReminders } from '../application/reminders/reminders';
import { reminderDeliveries, type ReminderDelivery } from '../application/ports';
import { GraphReminderPreferences } from '../adapters/graph/graph-reminder-preferences';
import type { Notifier } from '../application/ports';
import { commonOptions, jobContext, jobFeed, parseArgs, runJob, type JobContext } from './job-context';

/** The emulator's (or a named) team channel. */
async function channelNotifier(context: JobContext, team?: string, channel?: string): Promise<Notifier> {
  const found = await teamChannel(context.graph, team, channel);
  if (!found) throw new Error('No team channel to post to: pass --team and --channel, or --webhook');
  return found.notifier;
}

const isDelivery = (value: string): value is ReminderDelivery => (reminderDeliveries as readonly string[]).includes(value);

/** The Workflows webhook address, checked before anything is planned: https, or loopback for a local test. */
function webhookUrl(value: string): string {
  const problem = 'The Workflows webhook (--webhook or REMINDER_WEBHOOK_URL) must be its https:// address';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(problem);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname))) throw new Error(problem);
  return url.href;
}

/**
 * `npm run reminders -- [--now <ISO date>] [--dry-run] [--graph <emulator URL> | --env <name>] [--webhook <Workflows URL>] [--via channel|feed|both]`
 * One reminder pass; schedule it daily (docs/deploy.md). Running it twice in a day sends nothing the second time.
 */
runJob(async (args) => {
  const { values } = parseArgs({
    args,
    options: {
      ...commonOptions,
      now: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      webhook: { type: 'string' },
      team: { type: 'string' },
      channel: { type: 'string' },
      'app-url': { type: 'string' },
      via: { type: 'string' },
    },
  });
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--now must be an ISO date or date-time, e.g. 2025-06-17T08:00:00Z');
  const context = jobContext(values);
  const { env } = context;
  const webhook = values.webhook ?? env.REMINDER_WEBHOOK_URL;
  const team = values.team ?? env.REMINDER_TEAM_ID;
  const channel = values.channel ?? env.REMINDER_CHANNEL_ID;
  // Workflows cannot post into a private channel: say so before anything is planned, rather than lose the posts.
  if (webhook && team && channel && (await channelIsPrivate(context.graph, team, channel)))
    throw new Error(
      "The coordinators' channel is private, and Workflows cannot post into a private channel. Unset the webhook: the job then posts through Graph as the coordinator it signs in as, as the Channel tab does; owners can be reminded in their own feed (--via feed). See docs/deploy.md step 6.",
    );
  const notifier = webhook ? new WorkflowsNotifier(webhookUrl(webhook), new GraphUserIds(context.graph)) : await channelNotifier(context, team, channel);
  const teamsAppId = env.TEAMS_APP_ID;
  const links = teamsAppId
    ? reminderLinks({ teamsAppId, catalogAppId: env.TEAMS_CATALOG_APP_ID, tabEndpoint: env.TAB_ENDPOINT })
    : reminderLinks({ appUrl: values['app-url'] ?? env.REMINDER_APP_URL ?? 'http://127.0.0.1:53000' });
  const delivery = values.via ?? env.REMINDER_DELIVERY ?? 'channel';
  if (!isDelivery(delivery)) throw new Error(`--via (or REMINDER_DELIVERY) must be one of ${reminderDeliveries.join(', ')}, not '${delivery}'`);
  const feed = jobFeed(context);
  const run = await runReminders({
    store: context.store,
    log: new GraphReminderLog(context.gateway),
    notifier,
    now,
    dryRun: values['dry-run'],
    links,
    delivery,
    feed,
    preferences: new GraphReminderPreferences(context.gateway),
  });
  for (const { owner, units } of run.plan.messages)
    console.log(`${values['dry-run'] ? 'would send' : 'due'}: ${owner.email}: ${units.map((u) => `${u.step} (${u.items.length})`).join(', ')}`);
  console.log(
    `${run.plan.today}: ${run.sent} reminder(s) sent, ${run.failed.length} failed${run.digestPosted ? ', digest posted' : ''}${values['dry-run'] ? ' (dry run: nothing sent)' : ''}.`,
  );
  if (run.unconfirmed > 0)
    console.log(
      `${run.unconfirmed} of them were only accepted by the Workflows webhook (202), which answers before its flow posts: check the flow's run history (docs/deploy.md step 6).`,
    );
  for (const f of run.failed) console.log(`failed: ${f.owner}: ${f.message}`);
  for (const p of run.withoutApp) console.log(`not reached: ${p.email}: Audit Tracker is not installed for them, and installing it was refused`);
  if (run.failed.length > 0) process.exitCode = 1;
});
