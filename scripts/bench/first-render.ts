import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { ensureBrowser, headlessArgs } from '../find-browser';
import { median } from './median';
import { owner } from './settings';

/** Time to the owner's first screen (their first item) in headless Chromium, and the Graph calls the page made for it. */
export async function firstRender(origin: string): Promise<{ ms: number; trips: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  process.env.TAB_GRAPH_ORIGIN = origin;
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
      if (r.url().startsWith(`${origin}/v1.0/`) && r.method() !== 'OPTIONS') trips++;
    });
    const started = Date.now();
    await page.goto(server.resolvedUrls?.local[0] ?? '');
    // The owner's items, grouped in lists by what they need: the first item shown is the first render.
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor({ timeout: 60_000 });
    await page.getByRole('listitem').first().waitFor({ timeout: 60_000 });
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
