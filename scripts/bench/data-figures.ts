import { Packer } from 'docx';
import { panelPaperDocument } from '../../src/adapters/documents/paper-docx';
import { addDays, compilePanelPaper } from '../../src/domain';
import { jobContext } from '../../src/jobs/job-context';
import { withBuiltTab } from './built-tab';
import { firstRender } from './first-render';
import { registerInBrowser } from './register-memory';
import { runs, summary } from './measure';
import { naiveLoad } from './naive-client';
import { remoteOrganisation } from './remote-organisation';
import type { BenchReport } from './report';
import { latency, meeting, owner, today } from './settings';

/** Fewer runs of the larger sizes: each costs seconds, and their spread is smaller than their figure. */
const runsFor = (size: number): number => (size >= 100_000 ? 2 : size >= 20_000 ? 3 : 5);

/** Loading, refreshing, the owner's view, compiling and writing the paper, for an organisation of `size`. */
export async function dataFigures(size: number, report: BenchReport): Promise<void> {
  const org = await remoteOrganisation(size);
  const s = String(size);
  const count = runsFor(size);
  try {
    await org.setLatency(latency);
    const coordinator = jobContext({ graph: org.origin });
    await coordinator.graph.tokens.getToken();
    const cold = await runs(count, () => coordinator.store.loadRegister());
    const register = cold.result;
    report.add({
      size: s,
      measure: 'register cold load (ours)',
      runs: summary(cold.runs),
      target: size === 20_000 ? 'under 1.0 s, client under 400 ms' : size === 5000 ? 'under 2 s' : '',
      note: `${register.recommendations.length} recommendations, ID ranges in parallel; setup ${(org.setupMs / 1000).toFixed(0)} s`,
    });
    const naive = await runs(Math.min(count, 3), () => naiveLoad(coordinator.graph));
    report.add({
      size: s,
      measure: 'register cold load (naive client)',
      runs: summary(naive.runs),
      note: 'PageIterator-style: pages of 200, every field, one after another',
    });
    const warm = await runs(count, () => coordinator.store.refreshRegister(register));
    report.add({ size: s, measure: 'register warm refresh (delta)', runs: summary(warm.runs), target: 'one round trip' });
    const everything = await runs(Math.min(count, 3), () => coordinator.store.paperData('2000-01-01'));
    report.add({
      size: s,
      measure: "coordinator's data (all six lists)",
      runs: summary(everything.runs),
      note: `what the register view, dashboard and paper read: ${size > 20_000 ? 'no updates' : 'four updates an item'}, every list in one snapshot`,
    });
    const ownerContext = jobContext({ graph: org.origin, user: owner.email });
    await ownerContext.graph.tokens.getToken();
    const mine = await runs(count, () => ownerContext.store.ownerView(owner.email, addDays(today, -366)));
    report.add({
      size: s,
      measure: "owner's My recommendations",
      runs: summary(mine.runs),
      target: 'at most two round trips',
      note: `${mine.result.register.recommendations.length} items`,
    });
    if (size >= 100_000) {
      const shown = await withBuiltTab(org.origin, registerInBrowser);
      report.add({
        size: s,
        measure: 'register in Chromium: first row, heap',
        value: `${(shown.ms / 1000).toFixed(1)} s, ${shown.heapMb.toFixed(0)} MB`,
        target: 'heap under 300 MB',
        note: "the coordinator's Register page, the page's JavaScript heap after garbage collection",
      });
    }
    if (size > 20_000) return;
    await org.setLatency(0);
    const data = await coordinator.store.paperData('2000-01-01');
    const compiled = await runs(5, async () => compilePanelPaper({ ...data, meeting }));
    report.add({ size: s, measure: 'paper compilation (pure)', runs: summary(compiled.runs), target: size === 5000 ? 'under 100 ms' : '' });
    if (size <= 5000) {
      // From the data read to the file's bytes: compiling the paper, laying it out and packing the .docx.
      const written = await runs(3, async () => {
        const paper = compilePanelPaper({ ...data, meeting });
        return { bytes: (await Packer.toBuffer(panelPaperDocument(paper))).byteLength, items: paper.appendix.flatMap((g) => g.items).length };
      });
      report.add({
        size: s,
        measure: 'paper compiled and written (.docx)',
        runs: summary(written.runs),
        target: size === 5000 ? 'under 5 s; 4,000 appendix items under 1.5 s' : 'under 3 s',
        note: `${(written.result.bytes / 1024).toFixed(0)} KB, ${written.result.items} appendix items with four updates each`,
      });
    }
    if (size === 5000) {
      await org.setLatency(latency);
      const render = await withBuiltTab(org.origin, (tab) => firstRender(tab, org.origin));
      report.add({
        size: s,
        measure: "owner's view: first render in Chromium",
        value: `${render.ms} ms`,
        target: 'under 500 ms',
        note: `from navigation to the first item shown, signed in; median of 3; ${render.trips} Graph requests`,
      });
    }
  } finally {
    await org.close();
  }
}
