import { writeFileSync } from 'node:fs';
import { Packer } from 'docx';
import { panelPaperDocument } from '../adapters/documents/paper-docx';
import { compileMeetingPaper, paperTables } from '../application/panel/meeting-paper';
import { commonOptions, jobContext, parseArgs, runJob } from './job-context';
import { organisationToday } from '../domain';

/** `npm run pack -- --meeting <id or date> [--out paper.docx] [--json] [--graph <emulator URL>]` */
runJob(async (args) => {
  const { values } = parseArgs({
    args,
    options: { ...commonOptions, meeting: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false }, today: { type: 'string' } },
  });
  if (!values.meeting) throw new Error('Name the meeting: --meeting <id or YYYY-MM-DD>');
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be YYYY-MM-DD');
  const context = jobContext(values);
  const paper = await compileMeetingPaper(context.store, values.meeting, values.today ?? organisationToday());
  if (values.json) console.log(JSON.stringify(paperTables(paper), null, 2));
  if (values.out || !values.json) {
    const out = values.out ?? `panel-paper-${paper.meeting.date}.docx`;
    writeFileSync(out, await Packer.toBuffer(panelPaperDocument(paper)));
    console.error(
      `Wrote ${out}: ${paper.summary.total.running} running, ${paper.acceptedForPanel.length} proposed closed, ${paper.exceededTargets.length} past their original target.`,
    );
  }
});
