import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { setPaperContext } from '../../src/application/panel/paper-context';
import { compileMeetingPaper, loadPaperData, paperTables } from '../../src/application/panel/meeting-paper';
import { programmeDashboard } from '../../src/application/coordinator/programme-dashboard';
import { buildRegister } from '../../src/application/coordinator/register-view';
import { defaultPaperSettings, isRunning, type PanelPaper } from '../../src/domain';
import { seedDemo } from '../../src/jobs/demo/seed-demo';
import type { JobContext } from '../../src/jobs/job-context';
import { coordinator, provisioned, startTestEmulator, demoTarget } from '../support/emulator-harness';

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
    for (const row of tables.proposedClosed) expect(row.auditTitle).toMatch(/^[A-Z][\w ()]+$/);
    // §6 is grouped as the reference groups it: "AUDIT – Month YYYY".
    for (const row of tables.exceededTargets) expect(row.auditHeading).toMatch(/^[A-Z][\w ()]+ – [A-Z][a-z]+ \d{4}$/);
    expect(tables.appendix.flatMap((g) => g.items)).toHaveLength(paper.appendix.flatMap((g) => g.items).length);

    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const settings = (await zip.file('word/settings.xml')?.async('string')) ?? '';
    expect(settings).toContain('w:updateFields');
    for (const item of paper.acceptedForPanel) {
      const bookmark = `rec_${item.recommendationId}`;
      expect(xml).toContain(`w:name="${bookmark}"`);
      // The page reference carries an estimated page, so Word for the web shows a number before any recalculation.
      expect(xml).toMatch(new RegExp(`PAGEREF ${bookmark}[^<]*</w:instrText>.*?fldCharType="separate"/>.*?<w:t[^>]*>\\d+</w:t>`, 's'));
    }
    expect(xml.match(/PROPOSED CLOSED/g)?.length).toBe(paper.acceptedForPanel.length);
    // Appendix A: the legend, then the reference's four columns.
    expect(xml).toContain('RISK LEVEL');
    expect(xml).toContain('Business Owner – Action Plan Updates');
    for (const group of paper.appendix) expect(xml).toContain(group.audit.title.toUpperCase().replace('&', '&amp;'));
    // The cover table starts with its first row of content: no empty header row.
    const firstTable = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tr>', xml.indexOf('<w:tbl>')));
    expect(firstTable).toContain('Report of');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d*\.xml$/.test(f))
        .map((f) => zip.file(f)?.async('string')),
    );
    expect(footers.join('')).toMatch(/instrText[^>]*>\s*PAGE\s*</);
  });

  it("prints the coordinator's own context in §6 for this meeting, and the computed one again when she clears it", async () => {
    const casey = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' as const };
    const target = paper.exceededTargets[0];
    expect(target).toBeDefined();
    const id = target?.recommendationId ?? '';
    await setPaperContext(context.store, paper.meeting, id, 'Awaiting the national system; the panel has been briefed.', casey, new Date());
    const worded = await compileMeetingPaper(context.store, paper.meeting.id, today);
    expect(worded.exceededTargets.find((e) => e.recommendationId === id)?.context).toBe('Awaiting the national system; the panel has been briefed.');
    await setPaperContext(context.store, worded.meeting, id, '', casey, new Date());
    const computed = await compileMeetingPaper(context.store, paper.meeting.id, today);
    expect(computed.exceededTargets.find((e) => e.recommendationId === id)?.context).toBe(target?.context);
    // The demo's year of process reaches the paper: panel actions, withdrawals since the last meeting, histories.
    expect(computed.actions.length).toBeGreaterThan(0);
    expect(computed.withdrawnSinceLastMeeting.length).toBeGreaterThan(0);
    expect(computed.appendix.flatMap((g) => g.items).some((i) => i.history.length >= 3)).toBe(true);
    expect(computed.appendix.flatMap((g) => g.items).some((i) => i.history.some((h) => h.collectiveReferral))).toBe(true);
    expect(computed.summary.total.notAccepted).toBeGreaterThan(0);
    expect(computed.extensionRequests.length).toBeGreaterThanOrEqual(2);
    // The last meeting's paper was issued before the panel decided on it, and its decisions are closed.
    const last = (await context.store.paperData('2024-01-01')).meetings.sort((a, b) => a.date.localeCompare(b.date)).at(-2);
    expect(last?.issued?.closed).toBeDefined();
  });

  it("opens the paper with the dashboard's figures when the meeting asks for them, and only then", async () => {
    expect(paper.programme).toBeUndefined();
    const { id: _id, ...meeting } = paper.meeting;
    await context.store.saveMeeting({ ...meeting, paperSettings: { ...defaultPaperSettings, ...meeting.paperSettings, programmeFigures: true } });
    const withFigures = await compileMeetingPaper(context.store, paper.meeting.date, today);
    const data = await loadPaperData(context.store, today);
    // The same figures as the dashboard shows, as the register stood on the meeting's day.
    const dashboard = programmeDashboard(buildRegister(data, paper.meeting.date), paper.meeting.date);
    expect(withFigures.programme?.openByPriority.map((r) => r.open)).toEqual(dashboard.openByPriority.map((r) => r.total.count));
    expect(withFigures.programme?.updates).toEqual({ cycle: dashboard.updates.cycle, due: dashboard.updates.due, received: dashboard.updates.received });
    const file = join(dir, 'with-figures.docx');
    await run(
      process.execPath,
      ['--import', 'tsx', 'src/jobs/pack.ts', '--graph', emulator.origin, '--meeting', paper.meeting.date, '--out', file, '--today', today],
      {
        cwd: join(import.meta.dirname, '../..'),
      },
    );
    const xml = (await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('The programme at a glance');
    expect(text.indexOf('The programme at a glance')).toBeLessThan(text.indexOf('Brief background'));
    expect(text).toContain(`${dashboard.updates.received} of ${dashboard.updates.due} received`);
    // Drawn as bars of shaded cells, each with its figure: every priority's open count, overdue in red.
    for (const r of withFigures.programme?.openByPriority ?? []) {
      expect(text).toContain(`${r.open} open`);
      // The bar starts at its label with the overdue segment.
      if (r.overdue > 0) expect(text).toContain(`${r.priority}${r.overdue}`);
    }
    if (dashboard.openByPriority.some((r) => r.byRag.some((b) => b.rag === 'RED' && b.figure.count > 0))) expect(xml).toContain('w:fill="E06666"');
    await context.store.saveMeeting(meeting);
  });

  it('explains an unknown meeting instead of failing obscurely', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/jobs/pack.ts', '--graph', emulator.origin, '--meeting', '1999-01-01', '--json'], {
      cwd: join(import.meta.dirname, '../..'),
    }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1, stderr: expect.stringContaining("No meeting '1999-01-01'. Known meetings:") });
  });
});
