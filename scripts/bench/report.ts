import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { summary } from './measure';
import { latency } from './settings';

/** One figure: measured runs (with client, server, trips and bytes) or a single value, beside its target. */
export interface Figure {
  size: string;
  measure: string;
  runs?: ReturnType<typeof summary>;
  value?: string;
  target?: string;
  note?: string;
}

const kb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`);
const ms = (n: number): string => `${n.toFixed(n < 100 ? 1 : 0)} ms`;

const columns = ['size', 'measure', 'time (median)', 'spread', 'client', 'server', 'trips', 'bytes', 'target', 'note'] as const;

function cells(f: Figure): string[] {
  const r = f.runs;
  return [
    f.size,
    f.measure,
    r ? ms(r.ms) : (f.value ?? '-'),
    r?.spread ? `${r.spread} (${r.runs} runs)` : '',
    r ? ms(r.clientMs) : '',
    r && r.trips > 0 ? ms(r.serverMs) : '',
    r ? String(r.trips) : '',
    r && r.bytes > 0 ? kb(r.bytes) : '',
    f.target ?? '',
    f.note ?? '',
  ];
}

/** The figures as they are measured: printed as they come, then written to BENCHMARKS.md. */
export class BenchReport {
  private readonly figures: Figure[] = [];

  constructor() {
    console.log(`Latency ${latency} ms per request. ${columns.join(' | ')}`);
  }

  add(figure: Figure): void {
    this.figures.push(figure);
    console.log(cells(figure).join(' | '));
  }

  write(): void {
    const table = [`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`, ...this.figures.map((f) => `| ${cells(f).join(' | ')} |`)];
    writeFileSync(
      join(import.meta.dirname, '../../BENCHMARKS.md'),
      `# Benchmarks

Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${latency} ms emulator latency per request, 2 cores.

The emulator runs in a process of its own. **client** is the bench process's CPU time (parsing, mapping,
validation, and the writing of files); **server** is the time the emulator reports in \`Server-Timing\`, without the
latency it adds; the rest of **time** is that latency and waiting. Times are medians over the runs shown.

${table.join('\n')}
`,
    );
  }
}
