import { Packer } from 'docx';
import { panelPaperDocument } from '../../src/adapters/documents/paper-docx';
import { addDays, compilePanelPaper } from '../../src/domain';
import { jobContext } from '../../src/jobs/job-context';
import { firstRender } from './first-render';
import { median } from './median';
import { naiveLoad } from './naive-client';
import { organisation } from './organisation';
import type { BenchReport } from './report';
import { latency, meeting, owner, today } from './settings';

/** Loading, refreshing, the owner's view, compiling and writing the paper, for an organisation of `size`. */
export async function dataFigures(size: number, report: BenchReport): Promise<void> {
  const add = report.add.bind(report);
  const { emulator, setupMs } = await organisation(size);
  try {
    const coordinator = jobContext({ graph: emulator.origin });
    await coordinator.graph.tokens.getToken();
    let trips = coordinator.gateway.roundTrips;
    let started = Date.now();
    const register = await coordinator.store.loadRegister();
    const coldMs = Date.now() - started;
    const coldTrips = coordinator.gateway.roundTrips - trips;
    const naive = await naiveLoad(emulator);
    add(
      String(size),
      'register cold load (ours)',
      String(coldTrips),
      `${coldMs} ms`,
      `${register.recommendations.length} recommendations; setup ${setupMs} ms`,
    );
    add(String(size), 'register cold load (naive client)', String(naive.trips), `${naive.ms} ms`, `${(naive.trips / coldTrips).toFixed(1)}x the round trips`);
    trips = coordinator.gateway.roundTrips;
    started = Date.now();
    await coordinator.store.refreshRegister(register);
    add(String(size), 'register warm refresh (delta)', String(coordinator.gateway.roundTrips - trips), `${Date.now() - started} ms`);
    const ownerContext = jobContext({ graph: emulator.origin, user: owner.email });
    await ownerContext.graph.tokens.getToken();
    started = Date.now();
    const view = await ownerContext.store.ownerView(owner.email, addDays(today, -366));
    add(
      String(size),
      "owner's My recommendations",
      String(ownerContext.gateway.roundTrips),
      `${Date.now() - started} ms`,
      `${view.register.recommendations.length} items`,
    );
    emulator.setLatency(0);
    const data = await coordinator.store.paperData('2000-01-01');
    const times = Array.from({ length: 5 }, () => {
      const t = performance.now();
      compilePanelPaper({ ...data, meeting });
      return performance.now() - t;
    });
    add(String(size), 'paper compilation (pure)', '-', `${median(times).toFixed(1)} ms`, 'median of 5');
    if (size <= 5000) {
      // From the data read to the file's bytes: compiling the paper, laying it out and packing the .docx.
      const runs: { ms: number; bytes: number; items: number }[] = [];
      for (let run = 0; run < 3; run++) {
        const t = performance.now();
        const paper = compilePanelPaper({ ...data, meeting });
        const bytes = await Packer.toBuffer(panelPaperDocument(paper));
        runs.push({ ms: performance.now() - t, bytes: bytes.byteLength, items: paper.appendix.flatMap((g) => g.items).length });
      }
      const [first] = runs;
      add(
        String(size),
        'paper compiled and written (.docx)',
        '-',
        `${median(runs.map((r) => r.ms)).toFixed(0)} ms`,
        `${((first?.bytes ?? 0) / 1024).toFixed(0)} KB, ${first?.items ?? 0} appendix items with four updates each; median of 3, spread ${Math.min(...runs.map((r) => r.ms)).toFixed(0)}-${Math.max(...runs.map((r) => r.ms)).toFixed(0)} ms`,
      );
    }
    if (size === 5000) {
      emulator.setLatency(latency);
      const render = await firstRender(emulator);
      add(
        String(size),
        "owner's view: first render in Chromium",
        String(render.trips),
        `${render.ms} ms`,
        'from navigation to the table, signed in; median of 3',
      );
    }
  } finally {
    await emulator.close();
  }
}
