import { createServer } from 'vite';
import { emulatorTeamsAppId, startEmulator } from '../emulator/server';
import { provision } from '../src/adapters/graph/provision';
import { seedDemo } from '../src/jobs/demo/seed-demo';
import { emulatorSiteOwner, jobContext } from '../src/jobs/job-context';
import { teamChannel } from '../src/adapters/graph/graph-channel-notifier';
import { GraphReminderLog } from '../src/adapters/graph/graph-reminder-log';
import { reminderLinks } from '../src/application/reminders/reminder-links';
import { runReminders } from '../src/application/reminders/reminders';
import { organisationToday } from '../src/domain';

/**
 * `npm start`: the embedded default. Starts the Graph emulator (data in .data/, kept between runs), provisions it
 * and writes the demo organisation on first start, then serves the tab with Vite and prints where to open it.
 */
const emulatorPort = Number(process.env.EMULATOR_PORT ?? 5001);
const appPort = Number(process.env.PORT ?? 53000);

const emulator = await startEmulator({
  data: '.data/graph.sqlite',
  port: emulatorPort,
  tabOrigins: [`http://127.0.0.1:${appPort}`, `http://localhost:${appPort}`],
});
console.log(`Graph emulator on ${emulator.graphBase}`);
const context = jobContext({ graph: emulator.origin });
const hasData = (await context.gateway.query('audits', { select: ['Title'] }).catch(() => [])).length > 0;
/** Demo data written since updates carry SharePoint's own author and time (each person signs in to write theirs). */
const demoVersion = 'sharepoint-stamped-authors';
if (hasData && emulator.store.meta('demo-version', () => 'earlier') !== demoVersion) {
  console.warn(
    'The demo data in .data/ was written by an earlier version, before updates were signed by their owners: most will show as "Not counted". Stop, delete .data/ and start again to rebuild it.',
  );
}
// Provisioning every start brings lists an earlier version made up to date (new columns, choices), as
// `npm run provision` does in a tenant; it changes nothing when all is current.
const owner = jobContext({ graph: emulator.origin, user: emulatorSiteOwner });
const upgraded = await provision(owner.graph, owner.siteId, await owner.permissions());
if (hasData && upgraded.columnsAdded.length + upgraded.choicesAdded.length + upgraded.indexed.length > 0)
  console.log(`Brought the lists up to date: ${[...upgraded.columnsAdded, ...upgraded.choicesAdded, ...upgraded.indexed].join('; ')}`);
if (!hasData) {
  console.log('First start: provisioning the emulator and writing the demo organisation...');
  const report = await seedDemo({ origin: emulator.origin, setClock: (at) => emulator.store.setClock(at) }, organisationToday(), (line) =>
    console.log(`  ${line}`),
  );
  emulator.store.setMeta('demo-version', demoVersion);
  console.log(`Demo data ready: ${report.audits} audits, ${report.recommendations} recommendations, ${report.updates} updates.`);
}

process.env.TAB_GRAPH_ORIGIN = emulator.origin;
process.env.TAB_AUTH_MODE = 'emulator';
// The emulator's catalog holds the local app package, so the tab can tell owners in their (emulated) activity feed.
process.env.TAB_TEAMS_APP_ID = emulatorTeamsAppId;
const vite = await createServer({ server: { port: appPort, strictPort: true, host: '127.0.0.1' } });
await vite.listen();
console.log(`\nAudit Tracker is running: open http://127.0.0.1:${appPort}/\n`);

// The embedded default runs the reminder job daily in-process, as a scheduler would in a tenant.
const channel = await teamChannel(context.graph);
if (!channel) throw new Error('The emulator has no team channel for reminders');
const remind = (): void => {
  runReminders({
    store: context.store,
    log: new GraphReminderLog(context.gateway),
    notifier: channel.notifier,
    now: new Date(),
    links: reminderLinks({ appUrl: `http://127.0.0.1:${appPort}` }),
  }).then(
    (run) => console.log(`Reminders ${run.plan.today}: ${run.sent} sent, ${run.failed.length} failed (see the Channel tab).`),
    (error: unknown) => console.error('Reminder run failed:', error instanceof Error ? error.message : error),
  );
};
remind();
const daily = setInterval(remind, 24 * 60 * 60 * 1000);

const stop = (): void => {
  clearInterval(daily);
  void Promise.all([vite.close(), emulator.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
