import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latency } from './settings';

/** The figures as they are measured: printed as a table, then written to BENCHMARKS.md. */
export class BenchReport {
  private readonly rows: string[][] = [];

  constructor() {
    console.log(`Latency ${latency} ms per request\n${'size'.padEnd(6)} | ${'measure'.padEnd(34)} | ${'trips'.padStart(6)} | ${'time'.padStart(9)} | note`);
  }

  add(size: string, what: string, trips: string, ms: string, note = ''): void {
    this.rows.push([size, what, trips, ms, note]);
    console.log([size.padEnd(6), what.padEnd(34), trips.padStart(6), ms.padStart(9), note].join(' | '));
  }

  write(): void {
    const rows = this.rows;
    writeFileSync(
      join(import.meta.dirname, '../../BENCHMARKS.md'),
      `# Benchmarks\n\nMade by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${latency} ms emulator latency per request; 2 cores).\n\n| size | measure | round trips | time | note |\n| --- | --- | --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n\nTargets: cold register load of 5,000 under 2 s with at least 5x fewer round trips than the naive client; warm refresh one round trip; owner view at most two; compilation of 5,000 under 100 ms; the paper of 500 compiled and written under 3 s, of 5,000 (four updates each) under 5 s; an import of 5,000 rows with four updates each under 60 s, the same file again writing nothing; initial JavaScript under 250 KB gzip.\n`,
    );
  }
}
