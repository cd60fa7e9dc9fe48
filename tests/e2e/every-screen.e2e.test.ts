import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, signInAs, violationsInEveryTheme } from './browser';

/** Each role's screens, by address; "item" is a recommendation opened from the first screen's list. */
const screens: { person: string; addresses: string[] }[] = [
  { person: 'Casey Marlow', addresses: ['#/dashboard', '#/register', '#/review', '#/audits', '#/import', '#/channel', '#/meetings', '#/paper', 'item'] },
  { person: 'Priya Anand', addresses: ['#/', 'item'] },
  { person: 'Helen Ashworth', addresses: ['#/paper'] },
];

async function open(page: Page, address: string): Promise<void> {
  if (address !== 'item') return;
  if (await page.getByRole('heading', { name: 'Register' }).count()) await page.getByTestId('register-scroller').getByRole('button').first().click();
  else await page.getByRole('main').getByRole('listitem').getByRole('button').first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe('every screen, as Teams mobile and every theme show it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  for (const { person, addresses } of screens)
    for (const address of addresses)
      it(`${person}, ${address}: no sideways scrolling at 400 px, and no serious axe finding in any theme`, async () => {
        const page = await openTab(
          browser,
          `${inject('appUrl')}${address === 'item' ? (person === 'Casey Marlow' ? '#/register' : '#/') : address}`,
          inject('today'),
        );
        await page.setViewportSize({ width: 400, height: 900 });
        await signInAs(page, person);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.getByText(/^Loading/).waitFor({ state: 'detached' });
        await open(page, address);
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
        expect(await violationsInEveryTheme(page)).toEqual({ Light: [], Dark: [], 'High contrast': [] });
      });
});
