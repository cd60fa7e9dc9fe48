import { provision } from '../adapters/graph/provision';
import { commonOptions, emulatorSiteOwner, jobContext, parseArgs, runJob } from './job-context';

/** `npm run provision -- [--graph <emulator URL>] [--user <email>]` */
runJob(async (args) => {
  const { values } = parseArgs({ args, options: commonOptions });
  // On the emulator the site owner provisions, as an admin does in a tenant (a coordinator cannot set permissions).
  const context = jobContext(values.graph ? { ...values, user: values.user ?? emulatorSiteOwner } : values);
  const report = await provision(context.graph, context.siteId, await context.permissions(), (line) => console.log(line));
  console.log(
    `Provisioned: ${report.created.length} lists created, ${report.columnsAdded.length} columns added, ${report.indexed.length} indexes added, ${report.choicesAdded.length} choices added, permissions set on ${report.permissions.length}.`,
  );
});
