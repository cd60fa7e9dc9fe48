import { describe, expect, it, vi } from 'vitest';
import { connectTeamsHost, linkOpener, onHostThemeChange, type TeamsApp } from './teams-host';
import { reminderLinks } from '../../application/reminders/reminder-links';

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
      clientType: 'web',
      subPageId: '42',
    });
  });

  it("knows a meeting's side panel by the meeting chat, the key its chat tab and stage share", async () => {
    const inMeeting = {
      ...teamsContext,
      page: { id: 'tab', frameContext: 'sidePanel' },
      team: undefined,
      channel: undefined,
      chat: { id: '19:meeting_abc@thread.v2' },
      meeting: { id: 'MCMxOTptZWV0aW5n' },
    };
    const host = await connectTeamsHost(fakeTeams({ getContext: vi.fn(() => Promise.resolve(inMeeting as never)) }));
    expect(host).toMatchObject({ frameContext: 'sidePanel', meeting: { chatId: '19:meeting_abc@thread.v2' } });
    expect((await connectTeamsHost(fakeTeams()))?.meeting).toBeUndefined();
  });

  it('waits for a slow host (Teams mobile can take seconds) rather than skipping nested app auth', async () => {
    vi.useFakeTimers();
    try {
      const slow = fakeTeams({ initialize: () => new Promise<void>((resolve) => setTimeout(resolve, 4_000)) });
      const connecting = connectTeamsHost(slow);
      await vi.advanceTimersByTimeAsync(4_000);
      expect(await connecting).toMatchObject({ inTeams: true, user: { loginHint: 'priya@contoso.org' } });
    } finally {
      vi.useRealTimers();
    }
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

describe('opening links', () => {
  const teamsLink = 'https://teams.microsoft.com/l/entity/6f1c2a0e-3b7d-4e59-9a41-2d8c5f0b7e13/myrecommendations?context=%7B%22subEntityId%22%3A%2242%22%7D';

  it('hands Teams deep links to the host inside Teams and opens everything else in a browser tab', async () => {
    const openLink = vi.fn(() => Promise.resolve());
    const opened: string[] = [];
    const open = linkOpener({ openLink }, (url) => opened.push(url));
    open(teamsLink);
    open('https://contoso.sharepoint.com/sites/audit/evidence.pdf');
    expect(openLink).toHaveBeenCalledWith(teamsLink);
    expect(opened).toEqual(['https://contoso.sharepoint.com/sites/audit/evidence.pdf']);
  });

  it('opens an item in Stageview on desktop and web, and in the personal tab on Teams mobile, which has no Stageview', () => {
    const stage = reminderLinks({ teamsAppId: '6f1c2a0e-3b7d-4e59-9a41-2d8c5f0b7e13', tabEndpoint: 'https://audit.example' }).recommendation('42');
    const openLink = vi.fn(() => Promise.resolve());
    linkOpener({ openLink }, () => undefined, 'desktop')(stage);
    linkOpener({ openLink }, () => undefined, 'android')(stage);
    linkOpener({ openLink }, () => undefined, 'ios')(stage);
    expect(openLink.mock.calls).toEqual([[stage], [teamsLink], [teamsLink]]);
  });

  it('falls back to a browser tab when the host refuses, and outside Teams', async () => {
    const opened: string[] = [];
    linkOpener({ openLink: () => Promise.reject(new Error('not supported')) }, (url) => opened.push(url))(teamsLink);
    linkOpener(undefined, (url) => opened.push(url))(teamsLink);
    await vi.waitFor(() => expect(opened).toEqual([teamsLink, teamsLink]));
  });
});
