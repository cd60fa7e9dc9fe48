import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openTab, screenshot, signInAs } from './browser';
import { e2eGraph, emulatorTeam } from './emulator-client';
import { longDate } from '../../src/domain';

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

  it('shows what "Send reminders now" will send, asks first, then shows the cards Teams would show', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/channel`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Channel' }).waitFor();
    const before = await channelMessages();
    await page.getByRole('button', { name: 'Send reminders now…' }).click();
    const planned = page.getByRole('list', { name: 'Reminders to send' }).getByRole('listitem');
    await planned.first().waitFor();
    const owners = await planned.count();
    // Nothing is posted while she reads it.
    expect((await channelMessages()).length).toBe(before.length);
    await screenshot(page, 'channel-send-confirm');
    await page.getByRole('button', { name: `Send ${owners} reminder(s)` }).click();
    await page.getByText('Reminders sent').waitFor();
    // The channel is reread after the run; other tests may have posted there before, so wait for this run's
    // own digest (dated by the tab's clock) to be the newest card, with owners' cards beneath it.
    const cards = page.getByTestId('adaptive-card');
    await expect.poll(() => cards.first().textContent()).toMatch(new RegExp(`^Reminder run ${longDate(inject('today'))}`));
    await page
      .getByText(/audit recommendations need you/)
      .first()
      .waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    await screenshot(page, 'channel-reminders');

    // Again the same day: the owners were reminded already, so nothing is due and nothing can be posted: no
    // digest, and nobody mentioned for nothing. Counted in the channel itself, since other tests post there too.
    const after = await channelMessages();
    await page.getByRole('button', { name: 'Send reminders now…' }).click();
    await page.getByText(/^Nothing is due today/).waitFor();
    expect(await page.getByRole('button', { name: 'Send 0 reminder(s)' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect((await channelMessages()).map((m) => m.id)).toEqual(after.map((m) => m.id));
  });

  it('reminds the same owners in their own Teams activity feed when she chooses it, without mentioning them again', async () => {
    const page = await openTab(browser, `${inject('appUrl')}#/channel`, inject('today'));
    await signInAs(page, 'Casey Marlow');
    await page.getByRole('heading', { name: 'Channel' }).waitFor();
    await page.getByRole('button', { name: 'Send reminders now…' }).click();
    await page.getByRole('radio', { name: 'Their own Teams activity feed' }).check();
    const planned = page.getByRole('list', { name: 'Reminders to send' }).getByRole('listitem');
    // Each owner is reminded by the route chosen; the channel's mention of today is not repeated.
    await planned.first().getByText('By their Teams activity feed').waitFor();
    const owners = await planned.count();
    expect(owners).toBeGreaterThan(0);
    expect(await planned.getByText('By their Teams activity feed').count()).toBe(owners);
    const first = (await planned.first().locator('span').first().textContent()) ?? '';
    const before = await channelMessages();
    await page.getByRole('button', { name: `Send ${owners} reminder(s)` }).click();
    await page.getByText('Reminders sent').waitFor();
    // Only the digest is new in the channel; the owners' reminders went to their feeds.
    await expect.poll(async () => (await channelMessages()).length).toBe(before.length + 1);
    const users = ((await (await fetch(`${inject('emulatorOrigin')}/_dev/users`)).json()) as { value: { displayName: string; mail: string }[] }).value;
    const email = users.find((u) => u.displayName === first)?.mail ?? '';
    const feed = ((await (await fetch(`${inject('emulatorOrigin')}/_dev/feed/${email}`)).json()) as { value: { activityType: string }[] }).value;
    expect(feed.some((n) => n.activityType === 'updateDue')).toBe(true);
    // Her choice is remembered as her default.
    await page.reload();
    await page.getByRole('heading', { name: 'Channel' }).waitFor();
    await page.getByRole('button', { name: 'Send reminders now…' }).click();
    expect(await page.getByRole('radio', { name: 'Their own Teams activity feed' }).isChecked()).toBe(true);
  });
});
