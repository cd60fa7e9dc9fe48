import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, signInAs } from './browser';

describe('the Channel view', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('shows the reminder cards Teams would show after "Send reminders now"', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/channel`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Channel' }).waitFor();
    await page.getByRole('button', { name: 'Send reminders now' }).click();
    await page.getByText('Reminders sent').waitFor();
    const cards = page.getByTestId('adaptive-card');
    await expect.poll(() => cards.count()).toBeGreaterThan(1);
    expect(await cards.first().getByText(/^Reminder run /).isVisible()).toBe(true);
    expect(await page.getByText(/audit recommendations need you/).first().isVisible()).toBe(true);
    await screenshot(page, 'channel-reminders');

    const before = await cards.count();
    await page.getByRole('button', { name: 'Send reminders now' }).click();
    await page.getByText('Reminders sent').waitFor();
    await expect.poll(() => cards.count()).toBe(before + 1);
  });
});
