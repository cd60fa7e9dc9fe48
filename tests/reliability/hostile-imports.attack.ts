import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportFileError, maxImportRows, readRegisterFile } from '../../src/adapters/documents/register-file';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import type { Actor } from '../../src/application/shared/actor';
import { templateColumns } from '../../src/domain';
import { coordinator } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const today = '2025-05-20';
const row = (audit: string, reference: string, title: string) => [
  audit,
  'May 2024',
  'LIMITED OPINION',
  reference,
  title,
  'High',
  'Text',
  '',
  '',
  '',
  'TBC',
  '',
  'Open',
  '',
];
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');

/** Attack: registers built to collide, to garble, to hide values, and to exhaust the machine reading them. */
describe('hostile register files', () => {
  const given = useProvisionedEmulator();

  it('keeps two audits apart whose titles differ only in letters outside ASCII', async () => {
    const table = [[...templateColumns], row('تدقيق الرواتب', '1', 'Payroll checks'), row('تدقيق المشتريات', '1', 'Purchasing checks')];
    const result = await applyImport(given.admin.store, await previewImport(given.admin.store, table, today), casey, new Date());
    expect(result.written).toBe(2);
    const register = await given.admin.store.loadRegister();
    const arabic = register.audits.filter((a) => a.value.title.startsWith('تدقيق'));
    expect(arabic.map((a) => a.value.title).sort()).toEqual(['تدقيق الرواتب', 'تدقيق المشتريات']);
    const ids = new Set(arabic.map((a) => a.value.id));
    expect(
      register.recommendations
        .filter((r) => ids.has(r.value.auditId))
        .map((r) => r.value.title)
        .sort(),
    ).toEqual(['Payroll checks', 'Purchasing checks']);
  });

  it('reads a Windows-1252 CSV as such, and says so', async () => {
    const text = csv([[...templateColumns], row('Café licensing', '1', 'Fees £ – review')]);
    const bytes = Uint8Array.from([...text].map((c) => ({ é: 0xe9, '£': 0xa3, '–': 0x96 })[c] ?? c.charCodeAt(0)));
    const table = await readRegisterFile('legacy.csv', bytes);
    expect(table.rows[1]?.slice(0, 1)).toEqual(['Café licensing']);
    expect(table.rows[1]?.[4]).toBe('Fees £ – review');
    expect(table.notices).toEqual([expect.stringContaining('read as Windows-1252')]);
    expect((await previewImport(given.admin.store, table.rows, today, table)).notices).toHaveLength(1);
  });

  it("reads Excel's Unicode text (UTF-16, tab-separated) as it is", async () => {
    const text = [[...templateColumns], row('Gwasanaethau Cymraeg – Ŵyl', '1', 'Llywodraethu')].map((r) => r.join('\t')).join('\r\n');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const table = await readRegisterFile('unicode.csv', utf16);
    expect(table.rows[1]?.[0]).toBe('Gwasanaethau Cymraeg – Ŵyl');
    expect(table.notices).toEqual([]);
  });

  it('reads a formula with no saved value as empty, never as "[object Object]", and names the cell', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Register');
    sheet.addRow([...templateColumns]);
    sheet.addRow(row('Fleet', '1', 'placeholder'));
    sheet.getCell('E2').value = { formula: 'CONCAT("Fleet ","checks")' } as ExcelJS.CellFormulaValue;
    const table = await readRegisterFile('script.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.rows[1]?.[4]).toBe('');
    expect(table.notices).toEqual([expect.stringContaining('E2')]);
  });

  it.each([
    ['bomb.xlsx', 'xl/worksheets/sheet1.xml'],
    ['bomb.docx', 'word/document.xml'],
  ])('refuses a small %s that unpacks to gigabytes, before reading it', async (name, part) => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file(part, new Uint8Array(80 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(readRegisterFile(name, bomb)).rejects.toThrow(/unpacks to more than \d+ MB/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a register of more rows than any register has, with the limit in the message', async () => {
    const rows = [[...templateColumns], ...Array.from({ length: maxImportRows + 1 }, (_, i) => row('Fleet', String(i + 1), 'x'))];
    const started = Date.now();
    const refused = await readRegisterFile('export.csv', new TextEncoder().encode(csv(rows))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportFileError);
    expect((refused as Error).message).toMatch(/at most 5,000/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
