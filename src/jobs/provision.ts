import { provision } from '../adapters/graph/provision';
import { commonOptions, jobContext, parseArgs, runJob } from './job-context';

/** `npm run provision -- [--graph <emulator URL>] [--user <email>]` */
runJob(async (args) => {
  const { values } = parseArgs({ args, options: commonOptions });
  const context = jobContext(values);
  const report = await provision(context.graph, context.siteId, await context.permissions(), (line) => console.log(line));
  console.log(
    `Provisioned: ${report.created.length} lists created, ${report.columnsAdded.length} columns added, ${report.indexed.length} indexes added, permissions set on ${report.permissions.length}.`,
  );
});
