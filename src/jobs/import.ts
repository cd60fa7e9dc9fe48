import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readRegisterFile } from '../adapters/documents/register-file';
import { applyImport, previewImport, previewReport } from '../application/import-register';
import { commonOptions, defaultEmulatorUser, jobContext, parseArgs, runJob } from './job-context';
import { organisationToday } from '../domain';

/** `npm run import -- <file.xlsx|file.csv> [--dry-run] [--graph <emulator URL>] [--user <email>]` */
runJob(async (args) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...commonOptions, 'dry-run': { type: 'boolean', default: false } } });
  const file = positionals[0];
  if (!file) throw new Error('Name the register file: npm run import -- register.xlsx [--dry-run]');
  const table = await readRegisterFile(basename(file), new Uint8Array(readFileSync(file)));
  const context = jobContext(values);
  const today = organisationToday();
  const preview = await previewImport(context.store, table, today);
  if (preview.plan.fileErrors.length > 0) throw new Error(preview.plan.fileErrors.join('\n'));
  for (const line of previewReport(preview)) console.log(line);
  if (!values['dry-run']) {
    const me = values.user ?? (values.graph ? defaultEmulatorUser : 'import@tenant');
    const result = await applyImport(context.store, preview, { email: me, name: me, role: 'coordinator' }, new Date(), (done, total) =>
      process.stderr.write(`\rWriting ${done}/${total}`),
    );
    process.stderr.write('\n');
    console.log(`Written: ${result.written}; notes: ${result.notes}; conflicts: ${result.conflicts.length}; failed: ${result.failed.length}.`);
    for (const c of [...result.conflicts, ...result.failed]) console.log(`row ${c.rowNumber}: ${c.message}`);
    if (result.failed.length > 0 || result.conflicts.length > 0) process.exitCode = 1;
  } else {
    console.log('Dry run: nothing was written.');
  }
  if (preview.counts.errors > 0) process.exitCode = 1;
});
