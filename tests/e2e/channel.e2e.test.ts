import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, signInAs } from './browser';
import { e2eGraph, emulatorTeam } from './emulator-client';

/** The latest messages in the emulator's channel, newest first. */
async function channelMessages(): Promise<{ id: string }[]> {
  const { teamId, channelId } = await emulatorTeam();
  const response = await e2eGraph('casey.coordinator@northmere.example', 'GET', `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages?$top=50`);
  return response.body.value as { id: string }[];
}

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
    // The channel is reread after the run; other tests may have posted there before, so wait for this run's
    // own digest (dated by the tab's clock) to be the newest card, with owners' cards beneath it.
    const cards = page.getByTestId('adaptive-card');
    await expect.poll(() => cards.first().textContent()).toMatch(new RegExp(`^Reminder run ${inject('today')}`));
    await page
      .getByText(/audit recommendations need you/)
      .first()
      .waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    await screenshot(page, 'channel-reminders');

    // Again the same day: the owners were reminded already, so only the run's digest is posted. Counted in the
    // channel itself, since the tab shows the latest 20 messages and other tests post there too.
    const before = await channelMessages();
    await page.getByRole('button', { name: 'Send reminders now' }).click();
    // "Reminders sent" is still on screen from the first run, so wait for the button to come back from "Sending…".
    await page.getByRole('button', { name: 'Sending…' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Send reminders now' }).waitFor();
    const seen = new Set(before.map((m) => m.id));
    const added = async () => (await channelMessages()).filter((m) => !seen.has(m.id));
    await expect.poll(async () => (await added()).length).toBe(1);
    expect(JSON.stringify((await added())[0])).toMatch(/Reminder run /);
  });
});
