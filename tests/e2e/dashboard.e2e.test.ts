import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, signInAs, violationsInEveryTheme } from './browser';

/** The register's "N of M recommendations": N. */
async function registerShows(page: Page): Promise<number> {
  await page.getByRole('heading', { name: 'Register' }).waitFor();
  const count = page.getByText(/^\d+ of \d+ recommendations$/);
  await count.waitFor();
  return Number((await count.textContent())?.split(' ')[0]);
}

describe("the coordinator's dashboard", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('opens on the programme, and each figure opens the register showing exactly its items', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Programme' }).waitFor();
    await page.getByRole('table', { name: 'Open recommendations by priority and progress' }).waitFor();

    const updates = page.getByText(/^\d+ of \d+ received$/);
    const [received, due] = ((await updates.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
    const missing = page.getByRole('link', { name: /: updates missing for / });
    expect(Number(await missing.textContent())).toBe((due ?? 0) - (received ?? 0));

    const figures = [/: High priority, overdue, in the register$/, /: Medium priority, open, in the register$/, /: with 1 target revisions, in the register$/];
    let shown = 0;
    for (const name of figures) {
      await page.getByRole('tab', { name: 'Programme' }).click();
      const link = page.getByRole('link', { name }).first();
      shown = Number(await link.textContent());
      expect(shown).toBeGreaterThan(0);
      await link.click();
      expect(await registerShows(page)).toBe(shown);
    }
    // The filter is in the address and on the screen: a reload keeps it.
    expect(page.url()).toContain('#/register?revisions=1');
    expect(await page.getByLabel('Target revisions').inputValue()).toBe('1');
    await page.reload();
    if (await page.getByRole('button', { name: /Casey Marlow/ }).isVisible()) await signInAs(page, 'Casey Marlow');
    expect(await registerShows(page)).toBe(shown);

    await page.getByRole('tab', { name: 'Programme' }).click();
    const overdue = page.getByRole('table', { name: 'Overdue recommendations by audit' });
    const first = overdue.getByRole('link').first();
    const count = Number(await first.textContent());
    await first.click();
    expect(await registerShows(page)).toBe(count);
  });

  it('passes axe in the three themes, and fits Teams mobile without sideways scrolling', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('table', { name: 'Open recommendations by priority and progress' }).waitFor();
    expect(await violationsInEveryTheme(page)).toEqual({ Light: [], Dark: [], 'High contrast': [] });
    await screenshot(page, 'dashboard-contrast');
    await page.setViewportSize({ width: 400, height: 900 });
    await page.getByLabel('Theme').selectOption({ label: 'Light' });
    await page.getByRole('button', { name: /more sections/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await screenshot(page, 'dashboard-400');
    // Every section is still reachable: the ones that do not fit are in the More menu.
    await page.getByRole('button', { name: /more sections/ }).click();
    await page.getByRole('menuitem', { name: 'Panel paper' }).click();
    await page.getByRole('tab', { name: 'Panel paper', selected: true }).waitFor();
  });
});
