import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { ensureBrowser, headlessArgs } from '../find-browser';

export interface BuiltTab {
  /** A fresh browser context signed in as the person, on the tab's page at `hash`; closed when `work` ends. */
  open<T>(person: { email: string; name: string; role: string }, hash: string, work: (page: Page, started: number) => Promise<T>): Promise<T>;
}

/** The tab built for the emulator at `origin`, served as a deployment serves it, in headless Chromium. */
export async function withBuiltTab<T>(origin: string, work: (tab: BuiltTab) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  process.env.TAB_GRAPH_ORIGIN = origin;
  process.env.TAB_AUTH_MODE = 'emulator';
  await build({ logLevel: 'silent', build: { outDir: dir, emptyOutDir: true, sourcemap: false } });
  const server = await preview({ logLevel: 'silent', build: { outDir: dir }, preview: { port: 0, host: '127.0.0.1' } });
  const browser: Browser = await chromium.launch({ ...ensureBrowser(), args: headlessArgs });
  try {
    return await work({
      open: async (person, hash, use) => {
        const context = await browser.newContext();
        await context.addInitScript(`localStorage.setItem('auditTracker.emulatorUser', JSON.stringify(${JSON.stringify(person)}))`);
        const page = await context.newPage();
        try {
          const started = Date.now();
          await page.goto(`${server.resolvedUrls?.local[0] ?? ''}${hash}`);
          return await use(page, started);
        } finally {
          await context.close();
        }
      },
    });
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
