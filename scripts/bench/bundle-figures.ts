import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchReport } from './report';

/** The built tab's JavaScript: what the first load needs, and each lazy chunk, gzipped. */
export function bundleFigures(report: BenchReport): void {
  const assets = join(import.meta.dirname, '../../dist/assets');
  try {
    const html = readFileSync(join(import.meta.dirname, '../../dist/index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    const gz = (file: string): number => gzipSync(readFileSync(join(assets, file))).byteLength;
    const initialKb = initial.reduce((n, f) => n + gz(f), 0) / 1024;
    report.add({ size: '-', measure: 'initial JavaScript (gzip)', value: `${initialKb.toFixed(0)} KB`, target: 'under 250 KB', note: initial.join(', ') });
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.includes(f)))
      report.add({
        size: '-',
        measure: `lazy chunk ${file.replace(/-[\w-]+\.js$/, '')}`,
        value: `${(gz(file) / 1024).toFixed(0)} KB`,
        note: 'gzip, loaded on demand',
      });
  } catch {
    report.add({ size: '-', measure: 'JavaScript sizes', note: 'run `npm run build` first' });
  }
}
