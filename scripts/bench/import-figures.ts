import { startEmulator } from '../../emulator/server';
import { provision } from '../../src/adapters/graph/provision';
import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import { templateColumns } from '../../src/domain';
import { emulatorSiteOwner, jobContext } from '../../src/jobs/job-context';
import type { BenchReport } from './report';
import { latency, owner, today } from './settings';

/** A register of `size` rows in ten-recommendation audits, four dated updates each, imported into an empty site. */
export async function importFigures(size: number, report: BenchReport): Promise<void> {
  const add = report.add.bind(report);
  const emulator = await startEmulator({ data: ':memory:' });
  try {
    // The site owner provisions; the import itself runs as the coordinator.
    const admin = jobContext({ graph: emulator.origin, user: emulatorSiteOwner });
    await provision(admin.graph, admin.siteId, await admin.permissions());
    const context = jobContext({ graph: emulator.origin });
    emulator.setLatency(latency);
    const table = [
      [...templateColumns],
      ...Array.from({ length: size }, (_, r) => [
        `Audit ${Math.floor(r / 10)}`,
        'May 2024',
        'LIMITED OPINION',
        `4.${(r % 10) + 1}`,
        `Imported ${r}`,
        'High',
        'Strengthen the control.',
        'Agreed.',
        owner.name,
        owner.email,
        'Q2 2025',
        '',
        'Open',
        // Four dated updates each: the history a migrated register carries.
        ['July 2024', 'October 2024', 'January 2025', 'April 2025'].map((cycle) => `UPDATE ${cycle}: Progress noted in ${cycle} (${r}).`).join('\n'),
      ]),
    ];
    const actor = { email: 'casey.coordinator@northmere.example', name: 'Casey', role: 'coordinator' as const };
    for (const run of ['first import', 'the same file again']) {
      const trips = context.gateway.roundTrips;
      const started = Date.now();
      const result = await applyImport(context.store, await previewImport(context.store, table, today), actor, new Date());
      add(
        String(size),
        `register import: ${run}`,
        String(context.gateway.roundTrips - trips),
        `${Date.now() - started} ms`,
        `${result.written} written, ${result.notes} notes, ${Math.ceil(size / 10)} audits`,
      );
    }
  } finally {
    await emulator.close();
  }
}
