import { GraphEvidenceStore } from '../adapters/graph/graph-evidence-store';
import { provision } from '../adapters/graph/provision';
import { emulatorPeople, seedDemo } from './demo/seed-demo';
import { commonOptions, jobContext, parseArgs, runJob } from './job-context';
import { organisationToday } from '../domain';

/** `npm run seed -- --graph <emulator URL>`: provisions the emulator and writes the demo organisation. */
runJob(async (args) => {
  const { values } = parseArgs({ args, options: commonOptions });
  if (!values.graph) throw new Error('Demo data is for the emulator only: pass --graph <emulator URL>');
  const context = jobContext(values);
  await provision(context.graph, context.siteId, await context.permissions());
  const report = await seedDemo(
    context.store,
    new GraphEvidenceStore(context.graph, context.siteId),
    await emulatorPeople(new URL(values.graph).origin),
    organisationToday(),
    (line) => console.log(line),
  );
  console.log(`Demo data: ${JSON.stringify(report)}`);
});
