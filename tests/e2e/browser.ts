import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type ElementHandle, type Frame, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { headlessArgs } from '../../scripts/find-browser';

export const screenshotDir = join(import.meta.dirname, '../../test-output/screenshots');

/** The browser the global setup found (or installed), headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...inject('browser'), args: headlessArgs });
}

/** Opens the tab with the browser's clock set to the demo's day, so due dates are the same every run. */
export async function openTab(browser: Browser, appUrl: string, today: string): Promise<Page> {
  const page = await newPageOnDay(browser, today);
  await page.goto(appUrl);
  return page;
}

/** A page in a fresh browser context whose clock (in every frame) reads the given day. */
export async function newPageOnDay(browser: Browser, today: string): Promise<Page> {
  // The tenant build is served over https with a certificate made for the run.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ignoreHTTPSErrors: true });
  await context.addInitScript(`{
    const fixed = new Date('${today}T12:00:00Z').getTime();
    const RealDate = Date;
    class FixedDate extends RealDate {
      constructor(...args) { super(...(args.length ? args : [fixed])); }
      static now() { return fixed; }
    }
    globalThis.Date = FixedDate;
  }`);
  return context.newPage();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

export async function signInAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).click();
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page | Frame): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context?: unknown, options?: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    // Fluent's focus sentinels (tabster dummies) are aria-hidden on purpose and hand focus on at once.
    const result = await axe.run({ exclude: [['[data-tabster-dummy]']] }, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, where: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) at ${v.where.join(', ')}`);
}

/** axe's serious and critical findings in each Teams theme, by theme: every one should be empty. */
export async function violationsInEveryTheme(page: Page): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const theme of ['Light', 'Dark', 'High contrast']) {
    await page.getByLabel('Theme').selectOption({ label: theme });
    // Fluent's controls fade to the new theme's colours; axe reads them once they are there.
    await page.waitForTimeout(500);
    found[theme] = await seriousAccessibilityViolations(page);
  }
  return found;
}

/** Moves focus with Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(page: Page, matches: (el: { tag: string; label: string; text: string }) => boolean, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const labelledBy = el?.getAttribute('aria-labelledby');
      const label = el?.getAttribute('aria-label') ?? (labelledBy ? (document.getElementById(labelledBy.split(' ')[0] ?? '')?.textContent ?? '') : '') ?? '';
      const byFor = el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '';
      return { tag: el?.tagName.toLowerCase() ?? '', label: `${label} ${byFor}`.trim(), text: el?.textContent?.trim() ?? '' };
    });
    if (matches(focused)) return;
  }
  throw new Error('Tab never reached the expected control');
}

/** Whether the elements come in this order in the document: a message between the heading and the list it is about. */
export async function inDocumentOrder(...locators: Locator[]): Promise<boolean> {
  const handles = await Promise.all(locators.map((l) => l.elementHandle()));
  const page = locators[0]?.page();
  if (!page || handles.some((h) => !h)) return false;
  return page.evaluate(
    (elements) => elements.every((el, i) => i === 0 || Boolean(elements[i - 1]!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)),
    handles as ElementHandle<Element>[],
  );
}
