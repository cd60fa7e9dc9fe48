import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { ensureBrowser, headlessArgs } from './find-browser';
import { build, preview } from 'vite';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Packer } from 'docx';
import { startEmulator, type Emulator } from '../emulator/server';
import { panelPaperDocument } from '../src/adapters/documents/paper-docx';
import { graphPath } from '../src/adapters/graph/graph-client';
import { lists } from '../src/adapters/graph/list-schema';
import { provision } from '../src/adapters/graph/provision';
import { auditToFields, recommendationToFields, updateToFields } from '../src/adapters/graph/mapping';
import { applyImport, previewImport } from '../src/application/coordinator/import-register';
import { addDays, compilePanelPaper, parseOpinion, parseTargetDate, templateColumns, type Meeting } from '../src/domain';
import { jobContext } from '../src/jobs/job-context';

/**
 * `npm run bench`: figures, not pass/fail. Generated organisations of 500, 5,000 and 20,000 recommendations
 * with four updates each, against the emulator with 50 ms per request, compared with a naive client.
 */
const latency = Number(process.env.BENCH_LATENCY_MS ?? 50);
const sizes = (process.env.BENCH_SIZES ?? '500,5000,20000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const importSize = Number(process.env.BENCH_IMPORT_SIZE ?? 5000);
const owner = { email: 'priya.fleet@northmere.example', name: 'Priya Anand' };
const others = ['tom.vetting@northmere.example', 'grace.hr@northmere.example', 'ben.finance@northmere.example'];
const today = '2025-05-20';
const meeting: Meeting = { id: 'm', title: 'Panel', date: '2025-06-24', updateDeadline: '2025-06-03', cycle: 'June 2025' };

async function organisation(size: number): Promise<{ emulator: Emulator; setupMs: number }> {
  const started = Date.now();
  const emulator = await startEmulator({ data: ':memory:' });
  const context = jobContext({ graph: emulator.origin });
  await provision(context.graph, context.siteId, await context.permissions());
  const store = emulator.store;
  const site = store.sites()[0]?.id ?? '';
  const listId = (title: string): string => store.list(site, title)?.id ?? '';
  const [auditsId, recsId, updatesId, meetingsId] = [lists.audits.title, lists.recommendations.title, lists.updates.title, lists.meetings.title].map(listId);
  store.transaction(() => {
    store.insertItem(
      meetingsId ?? '',
      { Title: meeting.title, MeetingDate: `${meeting.date}T10:00:00Z`, UpdateDeadline: `${meeting.updateDeadline}T17:00:00Z`, Cycle: meeting.cycle },
      owner.email,
    );
    const auditCount = Math.max(1, Math.round(size / 6));
    for (let a = 0; a < auditCount; a++) {
      store.insertItem(
        auditsId ?? '',
        auditToFields({
          title: `Audit ${a}`,
          issuedYear: 2018 + (a % 8),
          issuedMonth: 1 + (a % 12),
          auditor: 'Northgate',
          opinion: parseOpinion('MODERATE OPINION'),
        }),
        owner.email,
      );
    }
    for (let r = 0; r < size; r++) {
      const auditId = String(1 + (r % auditCount));
      // One owner holds about 40 items at every size, as a real owner would.
      const mine = r % Math.max(1, Math.floor(size / 40)) === 0;
      const fields = recommendationToFields({
        auditId,
        reference: `4.${r}`,
        referenceKey: `4.${r}`,
        title: `Recommendation ${r}`,
        priority: (['High', 'Medium', 'Low'] as const)[r % 3] ?? 'Low',
        text: 'Strengthen the control and report progress to the board. '.repeat(3),
        managementResponse: 'Agreed.',
        owners: [mine ? owner : { email: others[r % others.length] ?? owner.email, name: 'Owner' }],
        subParts: [],
        targets: { original: parseTargetDate('March 2025'), revisions: [] },
        status: r % 5 === 0 ? 'closed' : r % 11 === 0 ? 'acceptedForPanel' : 'open',
      });
      const rec = store.insertItem(recsId ?? '', fields, owner.email);
      for (let u = 0; u < 4; u++) {
        const cycle = ['September 2024', 'December 2024', 'March 2025', 'June 2025'][u] ?? 'June 2025';
        store.insertItem(
          updatesId ?? '',
          updateToFields({
            recommendationId: String(rec.id),
            cycle,
            kind: 'ownerUpdate',
            author: owner,
            achieved: 'Progress this cycle. '.repeat(4),
            remaining: 'Roll out.',
            barriers: 'None.',
            mitigation: 'Interim checks.',
            proposesClosure: false,
            closureNarrative: '',
            evidence: [],
            note: '',
            idempotencyKey: `bench-${r}-${u}`,
            submittedAt: `${addDays(today, -300 + u * 90)}T10:00:00Z`,
          }),
          owner.email,
        );
      }
    }
  });
  emulator.setLatency(latency);
  return { emulator, setupMs: Date.now() - started };
}

/** A client as one would first write it: default pages of 200, every field, one page after another. */
async function naiveLoad(emulator: Emulator): Promise<{ trips: number; ms: number; items: number }> {
  const context = jobContext({ graph: emulator.origin });
  const started = Date.now();
  let trips = 0;
  let items = 0;
  for (const title of [lists.audits.title, lists.recommendations.title]) {
    let url: string | undefined = `/sites/root/lists/${title}/items?$expand=fields`;
    while (url) {
      const page = (await context.graph.client.api(graphPath(url)).get()) as { value: unknown[]; '@odata.nextLink'?: string };
      trips++;
      items += page.value.length;
      url = page['@odata.nextLink'];
    }
  }
  return { trips, ms: Date.now() - started, items };
}

/** Time to the owner's first screen in headless Chromium, and the Graph calls the page made for it. */
async function firstRender(emulator: Emulator): Promise<{ ms: number; trips: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  process.env.TAB_GRAPH_ORIGIN = emulator.origin;
  process.env.TAB_AUTH_MODE = 'emulator';
  await build({ logLevel: 'silent', build: { outDir: dir, emptyOutDir: true, sourcemap: false } });
  const server = await preview({ logLevel: 'silent', build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({ ...ensureBrowser(), args: headlessArgs });
  // One load is at the mercy of a busy machine: the median of three fresh browser contexts.
  const load = async (): Promise<{ ms: number; trips: number }> => {
    const context = await browser.newContext();
    await context.addInitScript(`localStorage.setItem('auditTracker.emulatorUser', JSON.stringify(${JSON.stringify({ ...owner, role: 'owner' })}))`);
    const page = await context.newPage();
    let trips = 0;
    page.on('request', (r) => {
      if (r.url().startsWith(`${emulator.origin}/v1.0/`) && r.method() !== 'OPTIONS') trips++;
    });
    const started = Date.now();
    await page.goto(server.resolvedUrls?.local[0] ?? '');
    await page.getByRole('table', { name: 'My recommendations' }).waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    await context.close();
    return { ms, trips };
  };
  try {
    const loads = [await load(), await load(), await load()];
    return { ms: median(loads.map((l) => l.ms)), trips: Math.max(...loads.map((l) => l.trips)) };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const rows: string[][] = [];
const add = (size: string, what: string, trips: string, ms: string, note = ''): void => {
  rows.push([size, what, trips, ms, note]);
  console.log([size.padEnd(6), what.padEnd(34), trips.padStart(6), ms.padStart(9), note].join(' | '));
};
console.log(`Latency ${latency} ms per request\n${'size'.padEnd(6)} | ${'measure'.padEnd(34)} | ${'trips'.padStart(6)} | ${'time'.padStart(9)} | note`);

for (const size of sizes) {
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
      const paper = compilePanelPaper({ ...data, meeting });
      started = Date.now();
      const bytes = await Packer.toBuffer(panelPaperDocument(paper));
      add(
        String(size),
        '.docx generation',
        '-',
        `${Date.now() - started} ms`,
        `${(bytes.byteLength / 1024).toFixed(0)} KB, ${paper.appendix.flatMap((g) => g.items).length} appendix items`,
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

/** A register of `size` rows in ten-recommendation audits, half with a latest update, imported into an empty site. */
async function importFigures(size: number): Promise<void> {
  const emulator = await startEmulator({ data: ':memory:' });
  try {
    const context = jobContext({ graph: emulator.origin });
    await provision(context.graph, context.siteId, await context.permissions());
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
        r % 2 ? 'Progress noted this quarter.' : '',
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
if (importSize > 0) await importFigures(importSize);

const assets = join(import.meta.dirname, '../dist/assets');
try {
  const html = readFileSync(join(import.meta.dirname, '../dist/index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const gz = (file: string): number => gzipSync(readFileSync(join(assets, file))).byteLength;
  const initialKb = initial.reduce((n, f) => n + gz(f), 0) / 1024;
  add('-', 'initial JavaScript (gzip)', '-', `${initialKb.toFixed(0)} KB`, initial.join(', '));
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.includes(f)))
    add('-', `lazy chunk ${file.replace(/-[\w-]+\.js$/, '')}`, '-', `${(gz(file) / 1024).toFixed(0)} KB`, 'gzip');
} catch {
  add('-', 'JavaScript sizes', '-', '-', 'run `npm run build` first');
}

writeFileSync(
  join(import.meta.dirname, '../BENCHMARKS.md'),
  `# Benchmarks\n\nMade by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${latency} ms emulator latency per request; 2 cores).\n\n| size | measure | round trips | time | note |\n| --- | --- | --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\nTargets: cold register load of 5,000 under 2 s with at least 5x fewer round trips than the naive client; warm refresh one round trip; owner view at most two; compilation of 5,000 under 100 ms; .docx of 500 under 3 s; initial JavaScript under 250 KB gzip.\n`,
);
