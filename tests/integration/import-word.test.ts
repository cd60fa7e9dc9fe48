import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportFileError, readRegisterFile } from '../../src/adapters/documents/register-file';
import { applyImport, outcomeSentence, previewImport } from '../../src/application/coordinator/import-register';
import type { Actor } from '../../src/application/shared/actor';
import { coordinator } from '../support/emulator-harness';
import { appendixDocx, partsRow, referenceShapedRows as rows } from '../support/appendix-docx';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const run = promisify(execFile);
const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const today = '2025-05-01';

describe('importing Appendix A from a Word paper, against the emulator', () => {
  const env = useProvisionedEmulator();
  const dir = mkdtempSync(join(tmpdir(), 'word-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the table as the register: audits through ditto and blank cells, priorities, owners, targets and statuses', async () => {
    const file = await readRegisterFile('previous-paper.docx', await appendixDocx(rows));
    const preview = await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'previous-paper.docx' });
    const read = preview.rows.map(({ row }) => [
      row.auditKey.split('|')[0],
      row.recommendation.reference,
      row.recommendation.title,
      row.recommendation.priority,
      row.recommendation.targets.original.text,
      row.imported.outcome,
    ]);
    expect(read).toEqual([
      ['fleet management', '4.2', 'Sample Check of Service Details', 'Medium', '', 'toPanel'],
      ['vetting', '4.3', 'Performance reporting', 'Medium', 'January 2025', 'open'],
      ['partnerships domestic violence', '4.1', 'End of Contract Arrangements', 'High', 'Implemented by May 2023', 'toPanel'],
      ['partnerships domestic violence', '4.3', 'Compliance agreements', 'Medium', '', 'forReview'],
      ['partnerships domestic violence', '4.4', 'Performance Monitoring', 'Low', 'May 2023', 'toPanel'],
    ]);
    expect(outcomeSentence(preview)).toBe('3 will be put to the panel, 1 proposed closed for your review, 1 open');
    // The first record keeps its bullet and has no bookmark text; the audit's opinion is read as written.
    expect(preview.rows[0]?.row.recommendation.text).toContain('• All details (including mileage)');
    expect(preview.plan.audits.get(preview.rows[2]?.row.auditKey ?? '')?.opinion.asWritten).toBe('LIMITED ASSURANCE');
    // People without emails are never invented: flagged for the coordinator, the rank kept with the name.
    expect(preview.rows[3]?.row.findings.map((f) => f.message)).toContain('No email for D/Supt Morgan Hale: assign an owner');
    expect(preview.rows[1]?.row.history.map((h) => h.cycle)).toEqual(['October 2024', 'April 2025']);
    // A target line's person and revisions are told apart from its date: nothing is read into the wrong field.
    expect(preview.rows[2]?.row.ownerSlots).toEqual([{ name: 'Sam Ortiz – Commissioning Manager' }]);
    expect(preview.rows[4]?.row.recommendation.targets.revisions.map((r) => r.target.text)).toEqual(['Q3 2024']);
    expect(preview.rows[4]?.row.ownerSlots).toEqual([{ name: 'Kim Vale Head of Contracts' }]);

    await applyImport(env.admin.store, preview, casey, new Date());
    const register = await env.admin.store.loadRegister();
    const monitoring = register.recommendations.find((r) => r.value.reference === '4.4');
    const detail = await env.admin.store.recommendationDetail(monitoring?.value.id ?? '');
    expect(detail.recommendation.value.status).toBe('acceptedForPanel');
    expect(detail.updates.flatMap((u) => u.evidence.map((e) => e.name))).toEqual(['1 document(s) embedded in the previous paper (previous-paper.docx, row 6)']);
  });

  it('reads parts a and b with their own people, targets and updates, and makes them once their owners are known', async () => {
    const directory = new GraphDirectory(env.admin.graph);
    const file = await readRegisterFile('parts.docx', await appendixDocx([partsRow]));
    const unknown = await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'parts.docx' });
    expect(unknown.rows[0]?.row.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/^Parts a, b need owners the tracker knows/));

    const preview = await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'parts.docx', directory });
    const [row] = preview.rows;
    expect(row?.row.parts.map((p) => [p.label, p.ownerSlots.map((s) => s.name), p.target.text])).toEqual([
      ['a', ['Ana Brook Consultant (Better Days)', 'Tom Hallam – Head of Vetting'], '31st October 2024'],
      ['b', ['Priya Anand – Policy Officer'], 'End of March 2025'],
    ]);
    expect(row?.row.recommendation.text).toBe(
      'a. The office should review its communication protocol in line with the review timescale.\nb. The office should keep a schedule of each policy’s last and next review.',
    );
    expect(row?.row.findings.map((f) => f.message)).toContain("'Ana Brook Consultant (Better Days)' is not in the directory: assign an owner on the item");
    expect(row?.row.findings.map((f) => f.message)).not.toContainEqual(expect.stringMatching(/^Parts a, b need owners/));

    await applyImport(env.admin.store, preview, casey, new Date(), () => {}, new Set([row?.row.rowNumber ?? 0]));
    const saved = (await env.admin.store.loadRegister()).recommendations.find((r) => r.value.title === 'Communication Protocol reviewed');
    expect(saved?.value.status).toBe('acceptedForPanel');
    expect(saved?.value.subParts.map((p) => [p.label, p.owners.map((o) => o.name), p.target.text, p.status])).toEqual([
      ['a', ['Tom Hallam'], '31st October 2024', 'done'],
      ['b', ['Priya Anand'], 'End of March 2025', 'done'],
    ]);
    // The same words under each part are two updates, each saying its part.
    const detail = await env.admin.store.recommendationDetail(saved?.value.id ?? '');
    expect(detail.updates.filter((u) => u.kind === 'coordinatorNote').map((u) => u.note)).toEqual([
      'From the imported register: Part a: Please see above collective response at recommendation 1',
      'From the imported register: Part b: Please see above collective response at recommendation 1',
    ]);
  });

  it('says so through the command line, and refuses a Word file with no Appendix A', async () => {
    const path = join(dir, 'previous-paper.docx');
    writeFileSync(path, await appendixDocx(rows));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/jobs/import.ts', path, '--dry-run', '--graph', env.emulator.origin], {
      cwd: join(import.meta.dirname, '../..'),
    }).catch((e: { stdout: string }) => e);
    expect(stdout).toContain('Read from the Appendix A table of previous-paper.docx: 5 recommendation(s).');
    const letter = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Dear panel member,')] }] })));
    await expect(readRegisterFile('letter.docx', letter)).rejects.toThrow('letter.docx has no Appendix A table');
    await expect(readRegisterFile('empty-appendix.docx', await appendixDocx([]))).rejects.toThrow('has no recommendations under its header row');
    await expect(readRegisterFile('renamed.docx', new TextEncoder().encode('not a zip'))).rejects.toBeInstanceOf(ImportFileError);
  });
});
