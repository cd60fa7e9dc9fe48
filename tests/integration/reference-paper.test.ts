import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { readRegisterFile } from '../../src/adapters/documents/register-file';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import { compileMeetingPaper, paperTables } from '../../src/application/panel/meeting-paper';
import type { Actor } from '../../src/application/shared/actor';
import type { JobContext } from '../../src/jobs/job-context';
import { coordinator, provisioned, startTestEmulator } from '../support/emulator-harness';

/**
 * The reference report's own register (tests/fixtures/reference-register.csv: its 45 items of Appendix A, with
 * their audits, references, priorities, PROPOSED CLOSED markers and dated update labels; its people replaced by
 * invented ones), imported as a new coordinator would, then packed for its meeting.
 */
const fixture = join(import.meta.dirname, '../fixtures/reference-register.csv');
const casey: Actor = { email: coordinator, name: 'Casey Marlow', role: 'coordinator' };

describe('the paper from the reference register', () => {
  let emulator: Emulator;
  let context: JobContext;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    context = await provisioned(emulator);
    const table = await readRegisterFile('reference-register.csv', new Uint8Array(readFileSync(fixture)));
    const preview = await previewImport(context.store, table.rows, '2025-05-01');
    expect(preview.counts).toMatchObject({ create: 45, errors: 0 });
    await applyImport(context.store, preview, casey, new Date('2025-05-01T09:00:00Z'));
    await context.store.saveMeeting({ title: 'Joint audit panel', date: '2025-05-16', updateDeadline: '2025-04-25', cycle: 'April 2025' });
  });
  afterAll(() => emulator.close());

  it("reproduces the report's §4 and §5: the register's PROPOSED CLOSED items are put to the panel", async () => {
    const tables = paperTables(await compileMeetingPaper(context.store, '2025-05-16', '2025-05-01'));
    expect(tables.summary.rows.map((r) => [r.priority, r.totalReported, r.proposedClosed])).toEqual([
      ['High', 5, 2],
      ['Medium', 22, 14],
      ['Low', 18, 12],
    ]);
    expect(tables.summary.total).toMatchObject({ running: 45, proposedClosed: 28, notAccepted: 0 });
    expect(tables.proposedClosed).toHaveLength(28);
    // §5 in the report's order: oldest audit first.
    expect(tables.proposedClosed.slice(0, 3).map((p) => `${p.auditTitle} ${p.reference}`)).toEqual(['FLEET MANAGEMENT 4.2', 'VETTING 4.3', 'WELLBEING 4.1']);
  });

  it('files each dated update under the cycle its label names, and says in the trail why an item went to the panel', async () => {
    const register = await context.store.loadRegister();
    const vetting = register.recommendations.find((r) => r.value.title === 'Performance reporting');
    const detail = await context.store.recommendationDetail(vetting?.value.id ?? '');
    expect(detail.updates.map((u) => u.cycle)).toEqual(['January 2024', 'July 2024', 'April 2025']);
    expect(detail.decisions.map((d) => d.detail)).toContain('Proposed closed in the imported register (row 3): put to the panel');

    // A yearless label takes its year from its neighbour ("UPDATE July:" before "UPDATE OCTOBER 2024").
    const training = register.recommendations.find((r) => r.value.title === 'Lack of Fraud Training');
    expect((await context.store.recommendationDetail(training?.value.id ?? '')).updates.map((u) => u.cycle)).toEqual([
      'July 2024',
      'October 2024',
      'April 2025',
    ]);
  });
});
