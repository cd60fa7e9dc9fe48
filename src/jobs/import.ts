import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readRegisterFile } from '../adapters/documents/register-file';
import {
  applyImport,
  choiceKey,
  previewImport,
  previewReport,
  rowsToWrite,
  type DirectoryChoices,
  type ImportPreview,
} from '../application/coordinator/import-register';
import { installAppFor, withoutAppSentence } from '../application/reminders/app-for-owners';
import { commonOptions, defaultEmulatorUser, jobContext, jobFeed, parseArgs, runJob } from './job-context';
import { organisationToday } from '../domain';
import { GraphDirectory } from '../adapters/graph/graph-directory';

/** `--confirm 5,7` or `--confirm all`: the rows to confirm (reopening a decided item, moving a target, an owner the directory found). */
function confirmedRows(option: string | undefined, preview: ImportPreview): Set<number> {
  if (!option) return new Set();
  if (option.trim() === 'all') return new Set(preview.rows.map((r) => r.row.rowNumber));
  const numbers = option.split(',').map((n) => Number(n.trim()));
  const bad = option.split(',').filter((_, i) => !Number.isInteger(numbers[i]) || (numbers[i] ?? 0) < 2);
  if (bad.length > 0) throw new Error(`--confirm takes row numbers from the preview, such as --confirm 5,7, or --confirm all; '${bad.join(',')}' is not one`);
  return new Set(numbers);
}

/** `--choose "6:Ms T=tina.moss@example.org"`, once per name: who a name matching several people in the directory is. */
function chosenPeople(options: readonly string[] | undefined, preview: ImportPreview): DirectoryChoices {
  const chosen = new Map<string, string>();
  for (const option of options ?? []) {
    const m = /^(\d+):(.+)=([^=]+@[^=]+)$/.exec(option.trim());
    const row = m ? preview.rows.find((r) => r.row.rowNumber === Number(m[1])) : undefined;
    const offered = row?.directoryChoices?.find((c) => c.name === m?.[2]?.trim());
    if (!m || !offered?.candidates.some((p) => p.email === m[3]?.trim().toLowerCase()))
      throw new Error(
        `--choose takes a row, a name the preview says matches several people, and one of their emails, such as --choose "6:Ms T=tina.moss@example.org"; '${option}' is not one`,
      );
    chosen.set(choiceKey(Number(m[1]), offered.name), m[3]?.trim().toLowerCase() ?? '');
  }
  return chosen;
}

/** `npm run import -- <file.xlsx|file.csv|paper.docx> [--dry-run] [--confirm <rows>|all] [--choose <row>:<name>=<email>]... [--graph <emulator URL>] [--user <email>]` */
runJob(async (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...commonOptions, 'dry-run': { type: 'boolean', default: false }, confirm: { type: 'string' }, choose: { type: 'string', multiple: true } },
  });
  const file = positionals[0];
  if (!file) throw new Error('Name the register file: npm run import -- register.xlsx [--dry-run]');
  const table = await readRegisterFile(basename(file), new Uint8Array(readFileSync(file)));
  const context = jobContext(values);
  const today = organisationToday();
  const preview = await previewImport(context.store, table.rows, today, { ...table, fileName: basename(file), directory: new GraphDirectory(context.graph) });
  if (preview.plan.fileErrors.length > 0) throw new Error(preview.plan.fileErrors.join('\n'));
  for (const line of previewReport(preview)) console.log(line);
  if (!values['dry-run']) {
    const me = values.user ?? (values.graph ? defaultEmulatorUser : 'import@tenant');
    const result = await applyImport(
      context.store,
      preview,
      { email: me, name: me, role: 'coordinator' },
      new Date(),
      (done, total) => process.stderr.write(`\rWriting ${done}/${total}`),
      confirmedRows(values.confirm, preview),
      chosenPeople(values.choose, preview),
    );
    const held = preview.rows.filter((r) => r.needsConfirmation.length > 0 && !rowsToWrite(preview, confirmedRows(values.confirm, preview)).includes(r));
    if (held.length > 0)
      console.log(`Held, not written: rows ${held.map((r) => r.row.rowNumber).join(', ')}. Run again with --confirm <rows> (or --confirm all) to apply them.`);
    process.stderr.write('\n');
    console.log(`Written: ${result.written}; notes: ${result.notes}; conflicts: ${result.conflicts.length}; failed: ${result.failed.length}.`);
    for (const c of [...result.conflicts, ...result.failed]) console.log(`row ${c.rowNumber}: ${c.message}`);
    // New owners get the app in Teams now, so their first reminder reaches their feed.
    const installs = await installAppFor(jobFeed(context)?.activities, result.assigned);
    if (installs.withoutApp.length > 0) console.log(`${withoutAppSentence(installs)}.`);
    if (result.failed.length > 0 || result.conflicts.length > 0) process.exitCode = 1;
  } else {
    console.log('Dry run: nothing was written.');
  }
  if (preview.counts.errors > 0) process.exitCode = 1;
});
