import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, signInAs, tabTo, violationsInEveryTheme } from './browser';

/** Each role's screens, by address; "item" is a recommendation opened from the first screen's list. */
const screens: { person: string; addresses: string[] }[] = [
  { person: 'Casey Marlow', addresses: ['#/dashboard', '#/register', '#/review', '#/audits', '#/import', '#/channel', '#/meetings', '#/paper', 'item'] },
  { person: 'Priya Anand', addresses: ['#/', 'item'] },
  { person: 'Helen Ashworth', addresses: ['#/paper'] },
];

/**
 * Whatever looks clickable (a pointer cursor) is, or sits inside, a control the keyboard reaches: a native
 * control, a tab stop, or one of the composite widgets whose arrow keys move within them.
 */
function clickableButNotFocusable(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => {
        // The cursor is inherited: only the outermost element that shows it is the clickable thing.
        if (getComputedStyle(el).cursor !== 'pointer' || (el.parentElement && getComputedStyle(el.parentElement).cursor === 'pointer')) return false;
        const reachable = 'button, a[href], input, select, textarea, summary, label, [tabindex], [role="tab"], [role="menuitem"], [role="option"]';
        if (el.closest(reachable)) return false;
        // A control's own parts (a checkbox's indicator, a picker's chevron) work through the control beside them.
        for (let up: Element | null = el.parentElement, level = 0; up && level < 2; up = up.parentElement, level++)
          if (up.querySelector(reachable)) return false;
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      })
      .map((el) => el.outerHTML.slice(0, 160)),
  );
}

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
        expect(await clickableButNotFocusable(page)).toEqual([]);
        expect(await violationsInEveryTheme(page)).toEqual({ Light: [], Dark: [], 'High contrast': [] });
      });

  it('reaches the sections folded into "More" at 400 px from the keyboard alone', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/dashboard`, inject('today'));
    await page.setViewportSize({ width: 400, height: 900 });
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Programme' }).waitFor();
    await tabTo(page, (el) => el.tag === 'button' && / more sections$/.test(el.label));
    await page.keyboard.press('Enter');
    const item = page.getByRole('menuitem', { name: 'Meetings' });
    await item.waitFor();
    // The menu opens on its first item; arrow keys move through it.
    for (let i = 0; i < 10 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Meetings', level: 1 }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/meetings');
  });
});
