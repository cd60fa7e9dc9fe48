import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { ImportFileError, maxImportBytes, readRegisterFile } from '../../src/adapters/documents/register-file';
import { registerRows, registerWorkbook } from '../../src/adapters/documents/register-xlsx';
import { lists } from '../../src/adapters/graph/list-schema';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import type { Actor } from '../../src/application/shared/actor';
import type { JobContext } from '../../src/jobs/job-context';
import { contextFor, coordinator, owner, provisioned, rawCall, startTestEmulator } from '../support/emulator-harness';
import { aRecommendation, anAudit, anUpdate, priya } from '../support/builders';
import { effectiveStatus, parseOpinion, parseTargetDate, templateColumns } from '../../src/domain';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'tests/fixtures/messy-register.csv');
const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const today = '2025-05-20';

describe('importing a register', () => {
  let emulator: Emulator;
  let context: JobContext;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'import-'));
    emulator = await startTestEmulator();
    context = await provisioned(emulator);
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async () => (await context.store.loadRegister()).recommendations.length;

  it('dry-run prints the report, writes nothing, and exits non-zero when rows have errors', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/jobs/import.ts', fixture, '--dry-run', '--graph', emulator.origin], {
      cwd: root,
    }).catch((e: { code: number; stdout: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    const out = (failure as { stdout: string }).stdout;
    expect(out).toContain('4 to create, 0 to change (0 held for confirmation), 0 unchanged, 2 not imported (errors); 2 new audit(s).');
    expect(out).toContain("row 6 error [Priority]: 'Critical' is not High, Medium or Low (row not imported)");
    expect(out).toContain('row 7 error [Reference]: No reference (row not imported)');
    expect(out).toContain('row 4 warning [Owner Email]: No owner: assign an owner');
    expect(out).toContain("row 2 warning [Current Target]: 'Revised to August 2025 31st March 2025' holds more than one date: check which applies");
    expect(out).toContain('Dry run: nothing was written.');
    expect(await count()).toBe(0);
  });

  it('imports the good rows, flags the rest, and a second import changes nothing', async () => {
    const { rows: table } = await readRegisterFile('messy-register.csv', new Uint8Array(readFileSync(fixture)));
    const progress: number[] = [];
    const result = await applyImport(context.store, await previewImport(context.store, table, today), casey, new Date(), (done) => progress.push(done));
    expect(result).toMatchObject({ written: 4, conflicts: [], failed: [], notes: 2 });
    expect(progress.at(-1)).toBe(4);
    const register = await context.store.loadRegister();
    // The new items' owners are the people to give the app in Teams.
    expect(result.assigned.map((p) => p.email).sort()).toEqual(register.recommendations.flatMap((r) => r.value.owners.map((o) => o.email)).sort());
    expect(result.assigned.length).toBeGreaterThan(0);
    expect(register.audits.map((a) => [a.value.title, a.value.qualifier ?? '']).sort()).toEqual([
      ['HARBOUR PATROL', ''],
      ['Records Management', '(Revisit Audit)'],
    ]);
    const fuel = register.recommendations.find((r) => r.value.title === 'Fuel card controls')?.value;
    expect(fuel).toMatchObject({ referenceKey: '1', owners: [], priority: 'Low' });
    const crew = register.recommendations.find((r) => r.value.title === 'Crew training records')?.value;
    expect(crew?.targets.revisions[0]?.target).toMatchObject({ text: '3rd Qtr 2025-26', due: '2025-12-31' });

    const marker = await context.store.loadRegister();
    const again = await previewImport(context.store, table, today);
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 4, skip: 2 });
    const second = await applyImport(context.store, again, casey, new Date());
    expect(second).toMatchObject({ written: 0, notes: 0, assigned: [] });
    const refreshed = await context.store.refreshRegister(marker);
    expect(refreshed.recommendations.map((r) => r.etag).sort()).toEqual(marker.recommendations.map((r) => r.etag).sort());
  });

  it('round-trips: the exported register imports as unchanged, with formula-like text neutralised', async () => {
    const data = await context.store.paperData('2000-01-01');
    const rows = registerRows(data.audits, data.recommendations, data.updates);
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, Buffer.from(await registerWorkbook(rows)));
    const { rows: table } = await readRegisterFile('export.xlsx', new Uint8Array(readFileSync(file)));
    expect(table[0]).toEqual([...templateColumns]);
    const preview = await previewImport(context.store, table, today);
    expect(preview.counts).toMatchObject({ create: 0, update: 0, unchanged: data.recommendations.length, skip: 0 });
    expect(registerRows(data.audits, [{ ...data.recommendations[0]!, title: '=HYPERLINK("http://evil.example")' }], [])[0]?.[4]).toBe(
      '\'=HYPERLINK("http://evil.example")',
    );
  });

  it("round-trips an owner's pending proposal as waiting for review, never as put to the panel", async () => {
    const audit = await context.store.upsertAudit(anAudit({ title: 'Procurement Cards', issuedYear: 2024, issuedMonth: 3 }));
    const item = await context.store.createRecommendation(aRecommendation(audit.value.id, '2.1', { owners: [priya] }));
    // Posted as the owner: an update is hers only when SharePoint says she wrote it.
    await contextFor(emulator, owner).store.addUpdate(
      anUpdate(item.value.id, {
        proposesClosure: true,
        closureNarrative: 'The card limits are set and reviewed monthly.',
        evidence: [{ kind: 'heldElsewhere', name: 'the finance share' }],
        submittedAt: new Date().toISOString(),
        idempotencyKey: 'pending-2.1',
      }),
    );
    const data = await context.store.paperData('2000-01-01');
    const exported = registerRows(data.audits, data.recommendations, data.updates);
    const row = exported.find((r) => r[0] === 'Procurement Cards');
    expect(row?.[templateColumns.indexOf('Status')]).toBe('Implemented');

    const same = await previewImport(context.store, [[...templateColumns], ...exported], today);
    expect(same.counts).toMatchObject({ create: 0, update: 0, unchanged: data.recommendations.length });
    // Into another tracker (here, under an audit it does not have), the item waits for the coordinator's review.
    const elsewhere = await previewImport(context.store, [[...templateColumns], ['Procurement Cards (Elsewhere)', ...(row ?? []).slice(1)]], today);
    expect(elsewhere.rows[0]?.row.imported.outcome).toBe('forReview');
    // A file that says "Proposed closed" of an item awaiting review is held: it would bypass the review.
    const bypass = [...(row ?? [])];
    bypass[templateColumns.indexOf('Status')] = 'Proposed closed';
    const held = await previewImport(context.store, [[...templateColumns], bypass], today);
    expect(held.rows[0]?.changes).toEqual([{ field: 'Status', before: 'Implemented', after: 'Proposed closed' }]);
    expect(held.rows[0]?.needsConfirmation).toEqual(['It would put the item to the panel without your review']);

    // A file saying Implemented of an open item nobody has proposed: the audit team proposes it, for review.
    const quiet = await context.store.createRecommendation(aRecommendation(audit.value.id, '2.2', { owners: [priya] }));
    const implemented = [...(row ?? [])];
    implemented[templateColumns.indexOf('Reference')] = '2.2';
    implemented[templateColumns.indexOf('Recommendation Title')] = quiet.value.title;
    const proposing = await previewImport(context.store, [[...templateColumns], implemented], today);
    expect(proposing.rows[0]).toMatchObject({ action: 'update', changes: [{ field: 'Status', before: 'Open', after: 'Implemented' }], needsConfirmation: [] });
    await applyImport(context.store, proposing, casey, new Date());
    const detail = await context.store.recommendationDetail(quiet.value.id);
    expect(effectiveStatus(detail.recommendation.value, detail.updates)).toBe('proposedClosed');
    expect((await previewImport(context.store, [[...templateColumns], implemented], today)).rows[0]?.action).toBe('unchanged');
  });

  it('after an interrupted import, running it again completes it without duplicates', async () => {
    const header = [...templateColumns];
    const rows = Array.from({ length: 45 }, (_, i) => [
      'Stores',
      'June 2023',
      'MODERATE OPINION',
      `5.${i + 1}`,
      `Stock item ${i + 1}`,
      'Low',
      '',
      '',
      'Kim Vale',
      'kim.vale@example.org',
      'Dec 2025',
      '',
      'Open',
      `Counted in May (${i + 1})`,
    ]);
    const table = [header, ...rows];
    emulator.faults.plan = { throttle: [{ status: 503, probability: 0.2 }], lost: 0.2 };
    try {
      await applyImport(context.store, await previewImport(context.store, table, today), casey, new Date()).catch(() => undefined);
    } finally {
      emulator.faults.plan = { throttle: [], lost: 0 };
    }
    await applyImport(context.store, await previewImport(context.store, table, today), casey, new Date());
    const stores = (await context.store.loadRegister()).recommendations.filter((r) => r.value.title.startsWith('Stock item'));
    expect(stores).toHaveLength(45);
    expect(new Set(stores.map((r) => r.value.referenceKey)).size).toBe(45);
    // Each row's latest update is one note, however many times its $batch was cut short or retried.
    for (const store of stores) {
      const notes = (await context.store.updatesFor(store.value.id)).filter((u) => u.kind === 'coordinatorNote');
      expect(notes.map((n) => n.note)).toEqual([expect.stringMatching(/^From the imported register: Counted in May \(\d+\)$/)]);
    }
  });

  it("records each row's latest update once: again after a run that stopped before its notes, and anew when the text changes", async () => {
    const row = (i: number, update: string) => [
      'Payroll',
      'July 2023',
      'LIMITED OPINION',
      `6.${i}`,
      `Payroll check ${i}`,
      'High',
      '',
      '',
      'Kim Vale',
      'kim.vale@example.org',
      'Dec 2025',
      '',
      'Open',
      update,
    ];
    const imported = async (table: string[][]) => applyImport(context.store, await previewImport(context.store, table, today), casey, new Date());
    const notesOf = async () => {
      const recommendations = (await context.store.loadRegister()).recommendations.filter((r) => r.value.title.startsWith('Payroll check'));
      const notes = await Promise.all(
        recommendations.map(async (r) => [r.value.title, (await context.store.updatesFor(r.value.id)).filter((u) => u.cycle === 'Imported')] as const),
      );
      return Object.fromEntries(
        notes.sort(([a], [b]) => a.localeCompare(b)).map(([title, list]) => [title, list.map((u) => u.note.replace('From the imported register: ', ''))]),
      );
    };
    const header = [...templateColumns];
    const first = [header, row(1, 'Checks agreed'), row(2, 'Checks drafted')];
    expect((await imported(first)).notes).toBe(2);

    // A run that stopped after writing the recommendations, before the notes: their rows now read as unchanged.
    const checkOne = (await context.store.loadRegister()).recommendations.find((r) => r.value.title === 'Payroll check 1');
    const [lost] = await context.store.updatesFor(checkOne?.value.id ?? '');
    // Notes are the audit team's, kept in its trail list.
    const lostItem = lost?.id.replace(/^note-/, '') ?? '';
    expect((await rawCall(emulator, coordinator, 'DELETE', `/sites/root/lists/${lists.decisions.title}/items/${lostItem}`)).status).toBe(204);
    expect((await notesOf())['Payroll check 1']).toEqual([]);
    expect((await imported(first)).notes).toBe(1);
    expect((await imported(first)).notes).toBe(0);

    const second = [header, row(1, 'Checks agreed'), row(2, 'Checks in use since June')];
    expect((await previewImport(context.store, second, today)).counts).toMatchObject({ create: 0, update: 0, unchanged: 2 });
    expect((await imported(second)).notes).toBe(1);
    expect(await notesOf()).toEqual({ 'Payroll check 1': ['Checks agreed'], 'Payroll check 2': ['Checks drafted', 'Checks in use since June'] });
  });

  it('holds back a row that reopens a decided item or moves its target until confirmed, trails it, and leaves alone what the file lacks', async () => {
    const audit = await context.store.upsertAudit({
      title: 'Treasury',
      issuedYear: 2023,
      issuedMonth: 9,
      auditor: 'Northgate Audit LLP',
      opinion: parseOpinion('MODERATE OPINION'),
    });
    const saved = await context.store.upsertRecommendation({
      auditId: audit.value.id,
      reference: '7.1',
      referenceKey: '7.1',
      title: 'Investment limits',
      priority: 'High',
      text: 'Set limits',
      managementResponse: 'Agreed with the treasurer',
      owners: [{ email: 'kim.vale@example.org', name: 'Kim Vale' }],
      subParts: [],
      targets: { original: parseTargetDate('March 2025'), revisions: [] },
      status: 'closed',
      statusChangedAt: '2025-05-16T10:00:00Z',
    });
    // No Management Response column: the file says nothing about it.
    const header = templateColumns.filter((c) => c !== 'Management Response');
    const table = [
      header,
      [
        'Treasury',
        'September 2023',
        '',
        '7.1',
        'Investment limits',
        'High',
        'Set limits',
        'Kim Vale',
        'kim.vale@example.org',
        'March 2025',
        'December 2025',
        'Open',
        '',
      ],
    ];
    const preview = await previewImport(context.store, table, today);
    const [row] = preview.rows;
    expect(row?.action).toBe('update');
    expect(row?.changes).toEqual([
      { field: 'Current target', before: 'March 2025', after: 'December 2025' },
      { field: 'Status', before: 'Closed', after: 'Open' },
    ]);
    expect(row?.needsConfirmation).toEqual(['It would reopen an item that is closed', 'It would move the target date']);

    const unconfirmed = await applyImport(context.store, preview, casey, new Date());
    expect(unconfirmed.written).toBe(0);
    expect((await context.store.getRecommendation(saved.value.id)).value).toMatchObject({ status: 'closed', targets: { revisions: [] } });

    const confirmed = await applyImport(context.store, preview, casey, new Date('2025-05-20T09:00:00Z'), undefined, new Set([2]));
    expect(confirmed.written).toBe(1);
    const detail = await context.store.recommendationDetail(saved.value.id);
    expect(detail.recommendation.value).toMatchObject({
      status: 'open',
      managementResponse: 'Agreed with the treasurer',
      targets: { original: { text: 'March 2025' } },
    });
    expect(detail.recommendation.value.targets.revisions.map((r) => r.target.text)).toEqual(['December 2025']);
    expect(detail.decisions).toEqual([
      expect.objectContaining({ kind: 'imported', detail: 'Row 2: Current target March 2025 → December 2025; Status Closed → Open' }),
    ]);
    expect(detail.audit?.auditor).toBe('Northgate Audit LLP');
  });

  it.each([
    ['notes.txt', Buffer.from('hello'), 'is not a register file'],
    ['empty.csv', Buffer.alloc(0), 'is empty'],
    ['header-only.csv', Buffer.from('Audit Title,Reference\n'), 'has no recommendations under its header row'],
    ['broken.xlsx', Buffer.concat([Buffer.from('PK'), Buffer.alloc(100, 7)]), 'damaged and cannot be opened'],
    ['renamed.xlsx', Buffer.from('Audit Title,Reference\nA,1\n'), 'is not an Excel workbook'],
    ['huge.csv', Buffer.alloc(maxImportBytes + 1, 65), 'a register can be at most'],
  ])('refuses %s with one clear message', async (name, bytes, message) => {
    await expect(readRegisterFile(name, new Uint8Array(bytes))).rejects.toThrow(message);
    await expect(readRegisterFile(name, new Uint8Array(bytes))).rejects.toBeInstanceOf(ImportFileError);
  });

  it('names the missing columns of a file that is not in the template', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRows([
      ['Audit', 'Ref', 'Title'],
      ['Fleet', '1', 'T'],
    ]);
    const { rows: table } = await readRegisterFile('other.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const preview = await previewImport(context.store, table, today);
    expect(preview.plan.fileErrors[0]).toMatch(/^Missing required columns: Audit Title, Reference, Recommendation Title, Priority/);
  });
});
