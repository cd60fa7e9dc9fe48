import { provision } from '../adapters/graph/provision';
import { remoteClock, seedDemo } from './demo/seed-demo';
import { commonOptions, emulatorSiteOwner, jobContext, parseArgs, runJob } from './job-context';
import { organisationToday } from '../domain';

/**
 * `npm run seed -- --graph <emulator URL>`: provisions the emulator and writes the demo organisation. The
 * emulator must run with --dev-clock, so the demo's past cycles carry their own dates.
 */
runJob(async (args) => {
  const { values } = parseArgs({ args, options: commonOptions });
  if (!values.graph) throw new Error('Demo data is for the emulator only: pass --graph <emulator URL>');
  const context = jobContext({ ...values, user: values.user ?? emulatorSiteOwner });
  await provision(context.graph, context.siteId, await context.permissions());
  const origin = new URL(values.graph).origin;
  const report = await seedDemo({ origin, setClock: remoteClock(origin) }, organisationToday(), (line) => console.log(line));
  console.log(`Demo data: ${JSON.stringify(report)}`);
});
