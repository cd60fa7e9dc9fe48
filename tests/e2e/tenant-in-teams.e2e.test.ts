import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphScopes } from '../../src/adapters/auth/scopes';
import { launchBrowser, openTab, screenshot } from './browser';
import { emulatorTeam } from './emulator-client';
import { fakeEntra } from './entra-sign-in';
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
    const rows = host.tab.getByRole('main').getByRole('listitem');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
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

  it("where the host has no nested app authentication, signs in through Teams' authentication window, not a popup of its own", async () => {
    const host = await openInTeamsHost(browser, inject('tenantAppUrl'), inject('today'), {
      path: 'index.html#/',
      frameContext: 'content',
      context: { ...teamsUser(priya, 'Priya Anand'), entityId: 'myrecommendations' },
      authWindow: true,
    });
    const entra = await fakeEntra(host.page.context(), inject('emulatorOrigin'));
    const popups: Page[] = [];
    host.page.context().on('page', (opened) => popups.push(opened));
    await host.tab.getByText('Sign in with your work account to see your audit recommendations.').waitFor();
    await host.tab.getByRole('button', { name: 'Sign in' }).click();
    await host.tab.getByRole('heading', { name: 'My recommendations' }).waitFor();
    await expect.poll(() => host.tab.getByRole('main').getByRole('listitem').count()).toBeGreaterThan(1);
    await host.tab
      .getByText(priya)
      .or(host.tab.getByText('Priya Anand', { exact: true }))
      .first()
      .waitFor();

    const [window] = await host.authWindows();
    expect(new URL(window ?? '').pathname).toBe('/auth-window.html');
    expect(new URL(window ?? '').searchParams.get('loginHint')).toBe(priya);
    // Teams opened the one window; it went to Entra with the app's id, the person's hint and PKCE, came back, and closed.
    expect(popups).toHaveLength(1);
    await expect.poll(() => popups[0]?.isClosed()).toBe(true);
    const [authorize] = entra.authorize;
    expect(authorize?.searchParams.get('client_id')).toBe(inject('tenantClientId'));
    expect(authorize?.searchParams.get('login_hint')).toBe(priya);
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(authorize?.searchParams.get('redirect_uri') ?? '').pathname).toBe('/auth-window.html');
    expect(entra.tokenGrants.map((grant) => grant.get('grant_type'))).toEqual(['authorization_code']);
    expect(await host.calls()).toEqual(expect.arrayContaining(['authentication.authenticate', 'auth window: authentication.authenticate.success']));
    await screenshot(host.page, 'tenant-in-teams-auth-window');
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
