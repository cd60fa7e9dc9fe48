import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, signInAs } from './browser';

describe('signing in on the embedded default', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('lists the emulator people by role, signs in an owner, and switches user', async () => {
    const page = await openTab(browser, inject('appUrl'), inject('today'));
    await page.getByRole('heading', { name: 'Recommendation owners' }).waitFor();
    await page.getByRole('heading', { name: 'Audit coordinators' }).waitFor();
    await page.getByRole('heading', { name: 'Panel members' }).waitFor();
    await screenshot(page, 'sign-in');

    await signInAs(page, 'Priya Anand');
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    const rows = page.getByRole('main').getByRole('listitem');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.getByText(/update(s)? due for|up to date for/).waitFor();
    await screenshot(page, 'my-recommendations');

    await page.reload();
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    await page.getByRole('button', { name: 'Switch user' }).click();
    await page.getByRole('heading', { name: 'Panel members' }).waitFor();

    // The coordinator, on the import screen, switches to an owner: the owner starts on their own home.
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('tab', { name: 'Import' }).click();
    await page.getByRole('heading', { name: 'Import a register' }).waitFor();
    await page.getByRole('button', { name: 'Switch user' }).click();
    await signInAs(page, 'Tom Hallam');
    await page.getByRole('heading', { name: 'My recommendations' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/');
  });
});
