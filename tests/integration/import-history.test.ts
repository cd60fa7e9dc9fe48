import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../src/adapters/documents/register-file';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import type { Actor } from '../../src/application/shared/actor';
import { templateColumns } from '../../src/domain';
import { coordinator, owner } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const today = '2025-05-20';
const item = (audit: string, reference: string): Record<string, string> => ({
  'Audit Title': audit,
  'Audit Date': 'September 2023',
  Reference: reference,
  'Recommendation Title': `Item ${reference}`,
  Priority: 'Medium',
  'Owner Name': 'Priya Anand',
  'Owner Email': owner,
  'Original Target': 'March 2025',
  Status: 'Open',
});

describe('importing a register with its history, against the emulator', () => {
  const env = useProvisionedEmulator();
  const notesOf = async (reference: string) => {
    const register = await env.admin.store.loadRegister();
    const id = register.recommendations.find((r) => r.value.reference === reference)?.value.id ?? '';
    return (await env.admin.store.recommendationDetail(id)).updates.map((u) => [u.cycle, u.note]);
  };

  it('files each "Update <label>" column under the cycle it names, a yearless one taking its neighbours\' year', async () => {
    const header = [...templateColumns, 'Update October 2024', 'UPDATE January', 'Update APRIL2025'];
    const cells = (over: Record<string, string>) => header.map((h) => over[h] ?? '');
    const table = [
      header,
      cells({ ...item('Estates', '3.1'), 'Update October 2024': 'Surveys begun.', 'UPDATE January': 'Half done.', 'Update APRIL2025': 'All surveyed.' }),
    ];
    await applyImport(env.admin.store, await previewImport(env.admin.store, table, today, { fileName: 'history.csv' }), casey, new Date());
    expect(await notesOf('3.1')).toEqual([
      ['October 2024', 'From the imported register: Surveys begun.'],
      ['January 2025', 'From the imported register: Half done.'],
      ['April 2025', 'From the imported register: All surveyed.'],
    ]);
  });

  it('reads an Updates sheet in long format, with its authors, and says which rows match no item', async () => {
    const workbook = new ExcelJS.Workbook();
    const register = workbook.addWorksheet('Register');
    register.addRow([...templateColumns]);
    for (const reference of ['5.1', '5.2']) register.addRow(templateColumns.map((c) => item('Fleet', reference)[c] ?? ''));
    const updates = workbook.addWorksheet('Updates');
    updates.addRows([
      ['Reference', 'Label', 'Date', 'Author', 'Text'],
      ['5.1', 'UPDATE July 2024', '', 'C/Insp Mo Clarke', 'Supplier chosen.'],
      ['5.1', '', '2025-01-15', '', 'Contract signed.'],
      ['5.2', 'Update April 2025', '', '', 'Pilot running.'],
      ['9.9', 'Update April 2025', '', '', 'Nobody owns this.'],
    ]);
    const file = await readRegisterFile('register.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    const preview = await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'register.xlsx' });
    expect(preview.notices).toEqual(['Updates sheet row 5: no recommendation 9.9 in the register: not imported.']);
    await applyImport(env.admin.store, preview, casey, new Date());
    expect(await notesOf('5.1')).toEqual([
      ['July 2024', 'From the imported register: Supplier chosen. (by C/Insp Mo Clarke)'],
      ['January 2025', 'From the imported register: Contract signed.'],
    ]);
    expect(await notesOf('5.2')).toEqual([['April 2025', 'From the imported register: Pilot running.']]);
    // The same workbook again adds no second note.
    await applyImport(env.admin.store, await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'register.xlsx' }), casey, new Date());
    expect(await notesOf('5.1')).toHaveLength(2);
  });
});
