import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphScopes } from '../../src/adapters/auth/scopes';
import { launchBrowser, openTab, screenshot } from './browser';
import { emulatorTeam } from './emulator-client';
import { openInTeamsHost, teamsUser } from './teams-host';

const priya = 'priya.fleet@northmere.example';
const casey = 'casey.coordinator@northmere.example';

describe('the tenant build', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it("signs in through nested app authentication, with no prompt, and reads the owner's recommendations from Graph", async () => {
    const host = await openInTeamsHost(browser, inject('tenantAppUrl'), inject('today'), {
      path: 'index.html#/',
      frameContext: 'content',
      context: { ...teamsUser(priya, 'Priya Anand'), entityId: 'myrecommendations' },
      nestedAuth: { emulatorOrigin: inject('emulatorOrigin') },
    });
    await host.tab.getByRole('heading', { name: 'My recommendations' }).waitFor();
    const rows = host.tab.getByRole('table', { name: 'My recommendations' }).getByRole('row');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    await host.tab.getByText('Priya Anand', { exact: true }).waitFor();
    expect(await host.tab.getByRole('button', { name: 'Sign in' }).count()).toBe(0);
    await screenshot(host.page, 'tenant-in-teams-owner');

    const requests = await host.authRequests();
    expect(requests[0]?.method).toBe('GetInitContext');
    const tokenRequests = requests.filter((r) => r.method === 'GetToken');
    expect(tokenRequests.length).toBeGreaterThan(0);
    for (const request of tokenRequests) {
      expect(request.tokenParams?.clientId).toBe(inject('tenantClientId'));
      expect(request.tokenParams?.scope?.split(' ')).toEqual(expect.arrayContaining(graphScopes));
    }
    expect(requests.some((r) => r.method === 'GetTokenPopup')).toBe(false);
  });

  it("shows the coordinator's view in a channel tab configured for it, with the host's channel", async () => {
    const team = await emulatorTeam();
    const host = await openInTeamsHost(browser, inject('tenantAppUrl'), inject('today'), {
      path: 'index.html?view=coordinator#/register',
      frameContext: 'content',
      context: {
        ...teamsUser(casey, 'Casey Marlow'),
        entityId: 'audit-tracker-coordinator',
        groupId: team.teamId,
        teamId: '19:team',
        channelId: team.channelId,
      },
      nestedAuth: { emulatorOrigin: inject('emulatorOrigin') },
    });
    await host.tab.getByRole('tab', { name: 'Register' }).waitFor();
    await expect.poll(() => host.tab.getByRole('row').count()).toBeGreaterThan(5);
    await host.tab.getByText('coordinator', { exact: true }).waitFor();
    await host.tab.getByRole('tab', { name: 'Channel' }).click();
    // The button appears only once the channel the host named has been read through Graph.
    await host.tab.getByRole('button', { name: 'Send reminders now' }).waitFor();
  });

  it('outside Teams, asks for a work account sign-in and shows the theme picker', async () => {
    const page = await openTab(browser, inject('tenantAppUrl'), inject('today'));
    await page.getByText('Sign in with your work account to see your audit recommendations.').waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByRole('combobox', { name: 'Theme' }).waitFor();
  });
});
