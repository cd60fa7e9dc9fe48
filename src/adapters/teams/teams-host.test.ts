import { describe, expect, it, vi } from 'vitest';
import { connectTeamsHost, onHostThemeChange, type TeamsApp } from './teams-host';

const teamsContext = {
  app: { locale: 'en-gb', theme: 'dark', sessionId: 's', host: { name: 'Teams', clientType: 'web', sessionId: 'h' } },
  page: { id: 'tab', frameContext: 'content', subPageId: '42' },
  user: { id: 'u', loginHint: 'priya@contoso.org', displayName: 'Priya', tenant: { id: 't1' } },
  team: { internalId: 'i', groupId: 'g1' },
  channel: { id: '19:abc@thread.tacv2' },
};

function fakeTeams(over: Partial<TeamsApp> = {}): TeamsApp {
  return {
    initialize: vi.fn(() => Promise.resolve()),
    getContext: vi.fn(() => Promise.resolve(teamsContext as never)),
    registerOnThemeChangeHandler: vi.fn(),
    ...over,
  };
}

describe('connecting to the Teams host', () => {
  it('reads the user, team, channel, locale, theme and deep-link sub-page', async () => {
    expect(await connectTeamsHost(fakeTeams())).toEqual({
      inTeams: true,
      user: { loginHint: 'priya@contoso.org', name: 'Priya', tenantId: 't1' },
      teamId: 'g1',
      channelId: '19:abc@thread.tacv2',
      locale: 'en-gb',
      theme: 'dark',
      frameContext: 'content',
      subPageId: '42',
    });
  });

  it('gives up quickly outside Teams, where initialize never answers', async () => {
    const started = Date.now();
    const host = await connectTeamsHost(fakeTeams({ initialize: () => new Promise(() => {}) }), 50);
    expect(host).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('treats a failed initialize as a plain browser', async () => {
    expect(await connectTeamsHost(fakeTeams({ initialize: () => Promise.reject(new Error('no parent')) }))).toBeUndefined();
  });

  it('follows theme changes, mapping unknown names to the default theme', () => {
    const teams = fakeTeams();
    const seen: string[] = [];
    onHostThemeChange(teams, (theme) => seen.push(theme));
    const handler = vi.mocked(teams.registerOnThemeChangeHandler).mock.calls[0]?.[0];
    handler?.('contrast');
    handler?.('something-new');
    expect(seen).toEqual(['contrast', 'default']);
  });
});
