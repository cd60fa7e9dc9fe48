import type { Browser, FrameLocator } from 'playwright-core';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, screenshot, seriousAccessibilityViolations } from './browser';
import { e2eGraph, emulatorTeam } from './emulator-client';
import { openInTeamsHost, teamsUser, type WireContext } from './teams-host';

const priya = 'priya.fleet@northmere.example';
const casey = 'casey.coordinator@northmere.example';

/** The hex colour Chromium reports as rgb(). */
const rgb = (hex: string): string => {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
};
const background = (tab: FrameLocator): Promise<string> =>
  tab
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);

describe('the tab inside a Teams-like host', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("signs in the host's user, opens the deep link's recommendation and follows the host's theme live", async () => {
    const items = await e2eGraph(casey, 'GET', '/sites/root/lists/AuditTrackerRecommendations/items?$expand=fields($select=Title,Owner1)&$top=500');
    const mine = (items.body.value as { id: string; fields: { Title: string; Owner1?: string } }[]).find((i) => i.fields.Owner1 === priya);
    if (!mine) throw new Error('The demo data has no recommendation of Priya');

    const host = await openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: 'index.html#/',
      frameContext: 'content',
      context: { ...teamsUser(priya, 'Priya Anand'), theme: 'dark', entityId: 'myrecommendations', subEntityId: mine.id },
    });
    const { tab } = host;
    await tab.getByRole('heading', { level: 1, name: new RegExp(mine.fields.Title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).waitFor();
    await tab.getByText('Priya Anand', { exact: true }).waitFor();
    expect(await tab.getByRole('button', { name: 'Switch user' }).count()).toBe(0);
    expect(await tab.getByRole('combobox', { name: 'Theme' }).count()).toBe(0);
    expect(await background(tab)).toBe(rgb(teamsDarkTheme.colorNeutralBackground1));
    await screenshot(host.page, 'teams-host-deep-link-dark');

    await host.setTheme('contrast');
    await expect.poll(() => background(tab)).toBe(rgb(teamsHighContrastTheme.colorNeutralBackground1));
    expect(await seriousAccessibilityViolations(host.frame())).toEqual([]);
    await screenshot(host.page, 'teams-host-high-contrast');
    await host.setTheme('default');
    await expect.poll(() => background(tab)).toBe(rgb(teamsLightTheme.colorNeutralBackground1));
    expect(await host.calls()).toEqual(expect.arrayContaining(['initialize', 'getContext', 'registerHandler']));
  });

  it('saves the chosen view from the configuration page, reopens with it chosen, and the channel tab then shows it', async () => {
    const team = await emulatorTeam();
    const inChannel: WireContext = {
      ...teamsUser(casey, 'Casey Marlow'),
      teamId: '19:team',
      groupId: team.teamId,
      teamName: 'Audit',
      channelId: team.channelId,
      channelName: 'General',
    };

    const setup = await openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: 'index.html?configure=1',
      frameContext: 'settings',
      context: inChannel,
    });
    await setup.tab.getByRole('heading', { name: 'Set up the Audit Tracker tab' }).waitFor();
    const radios = setup.tab.getByRole('radiogroup', { name: 'What this tab shows' });
    await expect.poll(() => radios.getByRole('radio', { name: /^Audit tracker/ }).isChecked()).toBe(true);
    await expect.poll(() => setup.validity()).toBe(true);
    expect(await seriousAccessibilityViolations(setup.frame())).toEqual([]);
    await screenshot(setup.page, 'teams-host-configure');

    await radios.getByRole('radio', { name: /^Audit tracker/ }).focus();
    await setup.page.keyboard.press('ArrowDown');
    await expect.poll(() => radios.getByRole('radio', { name: /^Audit panel paper/ }).isChecked()).toBe(true);
    expect(await setup.save()).toBe('success');
    const panel = await setup.settings();
    expect(panel).toMatchObject({ entityId: 'audit-tracker-panel', suggestedDisplayName: 'Audit panel paper' });
    expect(new URL(panel?.contentUrl ?? '').search).toBe('?view=panel');

    const reopened = await openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: 'index.html?configure=1',
      frameContext: 'settings',
      context: inChannel,
      settings: panel,
    });
    const again = reopened.tab.getByRole('radiogroup', { name: 'What this tab shows' });
    await expect.poll(() => again.getByRole('radio', { name: /^Audit panel paper/ }).isChecked()).toBe(true);
    await again.getByRole('radio', { name: /^Audit tracker/ }).click();
    expect(await reopened.save()).toBe('success');
    const coordinator = await reopened.settings();
    expect(coordinator).toMatchObject({ entityId: 'audit-tracker-coordinator', suggestedDisplayName: 'Audit tracker' });

    const channelTab = await openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: coordinator?.contentUrl ?? '',
      frameContext: 'content',
      context: { ...inChannel, entityId: coordinator?.entityId },
    });
    await channelTab.tab.getByRole('tab', { name: 'Channel' }).click();
    await channelTab.tab.getByRole('heading', { name: 'Channel' }).waitFor();
    // The button appears only once the channel the host named has been read.
    await channelTab.tab.getByRole('button', { name: 'Send reminders now' }).waitFor();
  });

  it("opens a reminder's Teams deep link, clicked in the channel tab, as the recommendation in the personal tab", async () => {
    const team = await emulatorTeam();
    // A week after the other tests' day, so this run has reminders of its own to send whichever test ran first.
    const weekLater = new Date(Date.parse(`${inject('today')}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const channelTab = await openInTeamsHost(browser, inject('appUrl'), weekLater, {
      path: 'index.html?view=coordinator#/channel',
      frameContext: 'content',
      context: {
        ...teamsUser(casey, 'Casey Marlow'),
        entityId: 'audit-tracker-coordinator',
        groupId: team.teamId,
        teamId: '19:team',
        channelId: team.channelId,
      },
      app: { id: inject('teamsAppId'), staticTabs: { myrecommendations: 'index.html#/' } },
    });
    const { tab } = channelTab;
    // Another test may have sent today's reminders already: then nothing is due, and their cards are in the channel.
    await tab.getByRole('button', { name: 'Send reminders now…' }).click();
    await tab
      .getByRole('list', { name: 'Reminders to send' })
      .or(tab.getByText(/^Nothing is due today/))
      .waitFor();
    const send = tab.getByRole('button', { name: /^Send \d+ reminder\(s\)$/ });
    if (await send.isEnabled()) {
      await send.click();
      await tab.getByText('Reminders sent').waitFor();
    } else await tab.getByRole('button', { name: 'Cancel' }).click();
    await tab.getByTestId('adaptive-card').first().waitFor();
    // Times read in the host's locale (en-GB: 22 November 2026, 14:05), not the browser's (en-US: November 22, 2026, 02:05 PM).
    expect(await tab.getByText(/ · \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/).count()).toBeGreaterThan(0);
    // Each item opens through its own action: no data is ever inside link markup in a card.
    const link = tab.locator('[data-testid="adaptive-card"] [role="link"][aria-label*=" priority, due "]').first();
    const label = ((await link.textContent()) ?? '').replace(/ – .*$/, '');
    await link.click();

    await expect.poll(() => channelTab.deepLinks()).toHaveLength(1);
    const deepLink = new URL((await channelTab.deepLinks())[0] ?? '');
    // The item opens in Stageview beside the conversation: a stage link to the tab's own page for it.
    expect(deepLink.pathname).toBe(`/l/stage/${inject('teamsAppId')}/0`);
    const stage = JSON.parse(deepLink.searchParams.get('context') ?? '{}') as { contentUrl: string; openMode: string };
    expect(stage.openMode).toBe('popoutWithChat');
    const page = /#\/recommendations\/[^/?#]+$/.exec(stage.contentUrl)?.[0] ?? '';
    expect(page).not.toBe('');
    await expect.poll(() => tab.locator('body').evaluate(() => window.location.hash)).toBe(page);
    // The card's line is "<audit> <reference> <title>"; the page's heading is the reference's title.
    const title = (/(?:^|\s)\d+(?:\.\d+)*\.?\s(.*)$/.exec(label)?.[1] ?? label).trim();
    await tab.getByRole('heading', { level: 1 }).filter({ hasText: title }).waitFor();
    await tab.getByText('owner', { exact: true }).waitFor();
  });

  it('works in a private channel: reads it and plans its reminders through Graph, the path Workflows cannot take', async () => {
    const { teamId } = await emulatorTeam();
    const channels = (await e2eGraph(casey, 'GET', `/teams/${teamId}/channels`)).body.value as { id: string; membershipType: string }[];
    const privateChannel = channels.find((c) => c.membershipType === 'private');
    const standard = channels.find((c) => c.membershipType === 'standard');
    if (!privateChannel || !standard) throw new Error('The emulator should have a standard and a private channel');
    const messages = (channelId: string) => `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/messages`;
    const note = `Panel-only note ${Date.now()}`;
    await e2eGraph('jordan.lead@northmere.example', 'POST', messages(privateChannel.id), { body: { contentType: 'text', content: note } });
    const host = await openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: 'index.html?view=coordinator#/channel',
      frameContext: 'content',
      context: {
        ...teamsUser(casey, 'Casey Marlow'),
        entityId: 'audit-tracker-coordinator',
        groupId: teamId,
        teamId: '19:team',
        channelId: privateChannel.id,
        channelName: 'Audit Panel (private)',
        channelType: 'Private',
        // A private channel has a site of its own, without the tracker's lists: the tab keeps to the audit site.
        teamSiteUrl: 'https://northmere.sharepoint.com/sites/AuditTeam-AuditPanel',
      },
      app: { id: inject('teamsAppId'), staticTabs: { myrecommendations: 'index.html#/' } },
    });
    await host.tab.getByText(note).waitFor();
    await host.tab.getByText(/This is a private channel: Workflows cannot post into it/).waitFor();
    // The register comes from the audit site, whatever site Teams names for the channel.
    await host.tab.locator('body').evaluate(() => {
      window.location.hash = '#/register';
    });
    await expect.poll(() => host.tab.getByRole('row').count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await host.tab.locator('body').evaluate(() => {
      window.location.hash = '#/channel';
    });
    // What "Send reminders now" would post goes to this channel, planned through the same Graph channel.
    await host.tab.getByRole('button', { name: 'Send reminders now…' }).click();
    await host.tab
      .getByRole('list', { name: 'Reminders to send' })
      .or(host.tab.getByText(/^Nothing is due today/))
      .waitFor();
    await host.tab.getByRole('button', { name: 'Cancel' }).click();
    const standardLatest = ((await e2eGraph(casey, 'GET', `${messages(standard.id)}?$top=50`)).body.value as { body: { content: string } }[]).map(
      (m) => m.body.content,
    );
    expect(standardLatest.some((c) => c.includes(note))).toBe(false);
  });

  it("asks a Teams user who is not in the emulator's directory to choose a person", async () => {
    const host = await openInTeamsHost(browser, inject('appUrl'), inject('today'), {
      path: 'index.html#/',
      frameContext: 'content',
      context: { ...teamsUser('visitor@contoso.example', 'Visiting Auditor'), entityId: 'myrecommendations' },
    });
    await host.tab.getByText(/Teams signed you in as visitor@contoso.example, who is not in the emulator's directory/).waitFor();
    await host.tab.getByRole('button', { name: /Priya Anand/ }).click();
    await host.tab.getByRole('heading', { name: 'My recommendations' }).waitFor();
  });
});
