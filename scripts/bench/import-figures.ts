import { applyImport, previewImport } from '../../src/application/coordinator/import-register';
import { templateColumns } from '../../src/domain';
import { jobContext } from '../../src/jobs/job-context';
import { measure, summary } from './measure';
import { remoteOrganisation } from './remote-organisation';
import type { BenchReport } from './report';
import { latency, owner, today } from './settings';

/** A register of `size` rows in ten-recommendation audits, four dated updates each, imported into an empty site. */
export async function importFigures(size: number, report: BenchReport): Promise<void> {
  const org = await remoteOrganisation(0);
  try {
    await org.setLatency(latency);
    const context = jobContext({ graph: org.origin });
    await context.graph.tokens.getToken();
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
    for (const [run, target] of [
      ['first import', 'under 20 s'],
      ['the same file again', 'under 5 s, writing nothing'],
    ] as const) {
      const { result, run: figures } = await measure(async () =>
        applyImport(context.store, await previewImport(context.store, table, today), actor, new Date()),
      );
      report.add({
        size: String(size),
        measure: `register import: ${run}`,
        runs: summary([figures]),
        target,
        note: `${result.written} written, ${result.notes} notes, ${Math.ceil(size / 10)} audits`,
      });
    }
  } finally {
    await org.close();
  }
}
