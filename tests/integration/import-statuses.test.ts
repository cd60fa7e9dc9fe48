import { describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../src/adapters/documents/register-file';
import { applyImport, choiceKey, outcomeSentence, previewImport } from '../../src/application/coordinator/import-register';
import type { Actor } from '../../src/application/shared/actor';
import { effectiveStatus, templateColumns } from '../../src/domain';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { coordinator, owner, rawCall } from '../support/emulator-harness';
import { useProvisionedEmulator } from '../support/provisioned-emulator';

const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };
const today = '2025-05-20';
const row = (reference: string, status: string, title = `Item ${reference}`): string[] => [
  'Fleet Management',
  'September 2023',
  'LIMITED',
  reference,
  title,
  'High',
  'Check the vehicles',
  'Agreed',
  'Priya Anand',
  owner,
  'March 2025',
  '',
  status,
  'UPDATE April 2025 Work continues.',
];
const csvLine = (cells: readonly string[]): string => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

describe('migrating statuses through the lifecycle, against the emulator', () => {
  const env = useProvisionedEmulator();

  it('puts each status where the process would, says so in the dry run and the trail, and reads past a stray quote', async () => {
    const lines = [
      csvLine(templateColumns),
      csvLine(row('1.1', 'Proposed closed')),
      csvLine(row('1.2', 'Implemented')),
      csvLine(row('1.3', 'Closed')),
      csvLine(row('1.4', 'Not accepted')),
      csvLine(row('1.5', 'Withdrawn')),
      csvLine(row('1.6', 'Risk accepted')),
      csvLine(row('1.7', 'Superseded')),
      // A quote opened and never closed, as a hand-edited file has: Excel reads it as text, and so do we.
      csvLine(row('1.8', 'Open')).replace('Item 1.8', '"Item 1.8 5 inch screens'),
      csvLine(row('1.9', 'Open')),
    ];
    const file = await readRegisterFile('statuses.csv', new TextEncoder().encode(`${lines.join('\n')}\n`));
    const preview = await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'statuses.csv' });
    expect(preview.counts.create).toBe(9);
    expect(outcomeSentence(preview)).toBe(
      '1 will be put to the panel, 1 proposed closed for your review, 1 closed before the import, 1 open again, their closure not accepted, 3 withdrawn before the import, 2 open',
    );
    const stray = preview.rows.find((r) => r.row.rowNumber === 9);
    expect(stray?.row.recommendation.title).toBe('"Item 1.8 5 inch screens');
    expect(stray?.row.findings.map((f) => f.message)).toEqual([expect.stringContaining('a quote that is never closed')]);

    await applyImport(env.admin.store, preview, casey, new Date());
    const register = await env.admin.store.loadRegister();
    const byReference = new Map(register.recommendations.map((r) => [r.value.reference, r.value]));
    const detailOf = (reference: string) => env.admin.store.recommendationDetail(byReference.get(reference)?.id ?? '');
    expect(['1.1', '1.3', '1.5', '1.6', '1.7', '1.9'].map((ref) => byReference.get(ref)?.status)).toEqual([
      'acceptedForPanel',
      'closed',
      'notAdopted',
      'riskAccepted',
      'superseded',
      'open',
    ]);
    expect((await detailOf('1.3')).decisions).toEqual([
      expect.objectContaining({ kind: 'importClosed', detail: 'Closed before the import, as the register records (statuses.csv, row 4)' }),
    ]);
    // "Implemented" waits for the coordinator: proposed closed by the audit team on the register's word.
    const implemented = await detailOf('1.2');
    expect(effectiveStatus(implemented.recommendation.value, implemented.updates)).toBe('proposedClosed');
    expect(implemented.updates.find((u) => u.proposesClosure)?.closureNarrative).toContain('statuses.csv, row 3');
    const notAccepted = await detailOf('1.4');
    expect(notAccepted.recommendation.value).toMatchObject({ status: 'open', statusReason: expect.stringContaining('statuses.csv, row 5') });
    expect(byReference.get('1.9')?.title).toBe('Item 1.9');

    // Again: nothing new, no second trail entry or proposal.
    const again = await previewImport(env.admin.store, file.rows, today, { ...file, fileName: 'statuses.csv' });
    await applyImport(env.admin.store, again, casey, new Date());
    expect((await detailOf('1.3')).decisions).toHaveLength(1);
    expect((await detailOf('1.2')).updates.filter((u) => u.proposesClosure)).toHaveLength(1);
  });

  it("takes an audit's auditor from the Auditor column, and leaves it alone when a file has no such column", async () => {
    const auditorOf = async () => (await env.admin.store.loadRegister()).audits.find((a) => a.value.title === 'Fleet Management')?.value.auditor;
    const importing = async (header: readonly string[], cells: string[]) => {
      const preview = await previewImport(env.admin.store, [header, cells], today, { fileName: 'auditors.csv' });
      await applyImport(env.admin.store, preview, casey, new Date());
    };
    await importing([...templateColumns], [...row('2.1', 'Open'), 'Northgate Audit LLP']);
    expect(await auditorOf()).toBe('Northgate Audit LLP');
    // An older register without the column says nothing of the auditor.
    await importing(
      templateColumns.filter((c) => c !== 'Auditor'),
      row('2.2', 'Open'),
    );
    expect(await auditorOf()).toBe('Northgate Audit LLP');
  });

  it('never rewrites an original target: a file that says otherwise is a finding, and a moved current target a new revision', async () => {
    const cells = (original: string, current: string) => {
      const r = row('3.1', 'Open');
      r[10] = original;
      r[11] = current;
      return r;
    };
    await applyImport(env.admin.store, await previewImport(env.admin.store, [[...templateColumns], cells('March 2025', '')], today), casey, new Date());
    const preview = await previewImport(env.admin.store, [[...templateColumns], cells('June 2024', 'August 2025')], today, { fileName: 'later.csv' });
    expect(preview.rows[0]?.row.findings.map((f) => f.message)).toEqual([
      expect.stringContaining("original target 'June 2024' differs from the tracker's 'March 2025'"),
    ]);
    expect(preview.rows[0]?.changes.map((c) => c.field)).toEqual(['Current target']);
    await applyImport(env.admin.store, preview, casey, new Date(), () => {}, new Set([2]));
    const saved = (await env.admin.store.loadRegister()).recommendations.find((r) => r.value.reference === '3.1')?.value;
    expect(saved?.targets.original.text).toBe('March 2025');
    expect(saved?.targets.revisions.map((r) => r.target.text)).toEqual(['August 2025']);
  });

  it('looks up people named without an email in the directory: one match is offered to confirm, none or several are flagged', async () => {
    const directory = new GraphDirectory(env.admin.graph);
    const cells = (reference: string, names: string) => {
      const r = row(reference, 'Open');
      r[8] = names;
      r[9] = '';
      return r;
    };
    const table = [[...templateColumns], cells('4.1', 'D/Supt Priya Anand; Sam Nobody'), cells('4.2', 'Ms T')];
    const preview = await previewImport(env.admin.store, table, today, { fileName: 'people.csv', directory });
    const [first, second] = preview.rows;
    expect(first?.needsConfirmation).toEqual([`'D/Supt Priya Anand' is Priya Anand <${owner}> in the directory: confirm to make them an owner`]);
    expect(first?.row.findings.map((f) => f.message)).toContain("'Sam Nobody' is not in the directory: assign an owner on the item");
    expect(second?.row.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/^'Ms T' matches 2 people in the directory/));
    // Several matches are offered as a choice; the coordinator picks the second.
    const [choice] = second?.directoryChoices ?? [];
    expect(choice?.name).toBe('Ms T');
    const picked = choice?.candidates[1];
    // Only the confirmed row gains its match, and the chosen person theirs; nobody is invented for the rest.
    await applyImport(env.admin.store, preview, casey, new Date(), () => {}, new Set([2]), new Map([[choiceKey(3, 'Ms T'), picked?.email ?? '']]));
    const saved = new Map((await env.admin.store.loadRegister()).recommendations.map((r) => [r.value.reference, r.value.owners]));
    expect(saved.get('4.1')).toEqual([{ email: owner, name: 'Priya Anand' }]);
    expect(saved.get('4.2')).toEqual([picked]);
  });

  it('answers $search on users only with ConsistencyLevel: eventual, as Graph does', async () => {
    const path = `/users?$search=${encodeURIComponent('"displayName:priya"')}`;
    expect((await rawCall(env.emulator, coordinator, 'GET', path)).status).toBe(400);
    const found = await rawCall(env.emulator, coordinator, 'GET', path, undefined, { ConsistencyLevel: 'eventual' });
    expect((found.body as { value: { mail: string }[] }).value.map((u) => u.mail)).toEqual([owner]);
  });
});
