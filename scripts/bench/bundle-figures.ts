import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchReport } from './report';

/** The built tab's JavaScript: what the first load needs, and each lazy chunk, gzipped. */
export function bundleFigures(report: BenchReport): void {
  const add = report.add.bind(report);
  const assets = join(import.meta.dirname, '../../dist/assets');
  try {
    const html = readFileSync(join(import.meta.dirname, '../../dist/index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    const gz = (file: string): number => gzipSync(readFileSync(join(assets, file))).byteLength;
    const initialKb = initial.reduce((n, f) => n + gz(f), 0) / 1024;
    add('-', 'initial JavaScript (gzip)', '-', `${initialKb.toFixed(0)} KB`, initial.join(', '));
    for (const file of readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.includes(f)))
      add('-', `lazy chunk ${file.replace(/-[\w-]+\.js$/, '')}`, '-', `${(gz(file) / 1024).toFixed(0)} KB`, 'gzip');
  } catch {
    add('-', 'JavaScript sizes', '-', '-', 'run `npm run build` first');
  }
}
