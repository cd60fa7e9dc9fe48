import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { compileMeetingPaper, paperTables } from '../../src/application/panel/meeting-paper';
import { isRunning, type PanelPaper } from '../../src/domain';
import { seedDemo } from '../../src/jobs/demo/seed-demo';
import type { JobContext } from '../../src/jobs/job-context';
import { provisioned, startTestEmulator, demoTarget } from '../support/emulator-harness';

const run = promisify(execFile);
const today = '2025-05-20';

describe('the panel paper from the store', () => {
  let emulator: Emulator;
  let context: JobContext;
  let paper: PanelPaper;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'paper-'));
    emulator = await startTestEmulator();
    context = await provisioned(emulator);
    await seedDemo(demoTarget(emulator), today);
    const meetings = (await context.store.paperData('2024-01-01')).meetings.sort((a, b) => a.date.localeCompare(b.date));
    paper = await compileMeetingPaper(context.store, meetings.at(-1)!.date, today);
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts what the register holds', async () => {
    const register = await context.store.loadRegister();
    const running = register.recommendations.filter((r) => isRunning(r.value.status));
    expect(paper.summary.total.running).toBe(running.length);
    expect(paper.summary.total.acceptedForPanel).toBe(register.recommendations.filter((r) => r.value.status === 'acceptedForPanel').length);
    expect(paper.appendix.flatMap((g) => g.items)).toHaveLength(running.length);
  });

  it('is printed by `npm run pack -- --json` with the documented shape, and written as .docx', async () => {
    const out = join(dir, 'paper.docx');
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/jobs/pack.ts', '--graph', emulator.origin, '--meeting', paper.meeting.date, '--json', '--out', out, '--today', today],
      { cwd: join(import.meta.dirname, '../..') },
    );
    const tables = JSON.parse(stdout) as ReturnType<typeof paperTables>;
    expect(tables).toEqual(JSON.parse(JSON.stringify(paperTables(paper))));
    expect(Object.keys(tables.summary.rows[0] ?? {})).toEqual(['priority', 'totalReported', 'running', 'proposedClosed', 'notAccepted']);
    for (const row of [...tables.proposedClosed, ...tables.exceededTargets]) expect(row.auditTitle).toMatch(/^[A-Z][\w ()]+$/);

    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const settings = (await zip.file('word/settings.xml')?.async('string')) ?? '';
    expect(settings).toContain('w:updateFields');
    for (const item of paper.acceptedForPanel) {
      const bookmark = `rec_${item.recommendationId}`;
      expect(xml).toContain(`w:name="${bookmark}"`);
      expect(xml).toMatch(new RegExp(`PAGEREF ${bookmark}`));
    }
    // header, counts, proposed closed, exceeded targets, implications, and extension requests when there are any
    expect(xml.match(/<w:tbl>/g)?.length).toBe(5 + (paper.extensionRequests.length > 0 ? 1 : 0));
    for (const group of paper.appendix) expect(xml).toContain(group.heading.replace('&', '&amp;'));
  });

  it('explains an unknown meeting instead of failing obscurely', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/jobs/pack.ts', '--graph', emulator.origin, '--meeting', '1999-01-01', '--json'], {
      cwd: join(import.meta.dirname, '../..'),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("No meeting '1999-01-01'. Known meetings:") });
  });
});
