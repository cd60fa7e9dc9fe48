import { describe, expect, it, vi } from 'vitest';
import { TeamsAuthWindowTokens, type OpenAuthWindow } from './teams-auth-window';

const hour = 3_600_000;
const answer = (token: string, expiresOn: number) => JSON.stringify({ accessToken: token, expiresOn, username: 'priya@northmere.example', name: 'Priya' });

describe("tokens through Teams' authentication window", () => {
  it('opens the window at the tab’s own page with the login hint, then reuses the token until it nears expiry', async () => {
    let now = 0;
    let opened = 0;
    const open = vi.fn<OpenAuthWindow>(() => Promise.resolve(answer(`token-${++opened}`, now + hour)));
    const tokens = new TeamsAuthWindowTokens(open, 'https://tab.example', 'priya@northmere.example', () => now);
    expect((await tokens.signIn()).username).toBe('priya@northmere.example');
    const url = new URL(open.mock.calls[0]![0].url);
    expect(url.origin + url.pathname).toBe('https://tab.example/auth-window.html');
    expect(url.searchParams.get('loginHint')).toBe('priya@northmere.example');
    expect(await tokens.getToken()).toBe('token-1');
    now = hour - 10 * 60_000;
    expect(await tokens.getToken()).toBe('token-1');
    now = hour - 60_000;
    expect(await tokens.getToken()).toBe('token-2');
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('refuses an answer that is not a sign-in, and says why the window failed', async () => {
    const garbled = new TeamsAuthWindowTokens(() => Promise.resolve('{"accessToken":""}'), 'https://tab.example', undefined);
    await expect(garbled.signIn()).rejects.toThrow('returned something that is not a sign-in');
    const cancelled = new TeamsAuthWindowTokens(() => Promise.reject(new Error('CancelledByUser')), 'https://tab.example', undefined);
    await expect(cancelled.getToken()).rejects.toThrow("Teams' sign-in window did not sign you in (CancelledByUser)");
    expect(cancelled.signedIn).toBeUndefined();
  });

  it('gives Graph tokens only', async () => {
    const tokens = new TeamsAuthWindowTokens(() => Promise.resolve(answer('t', Date.now() + hour)), 'https://tab.example', undefined);
    await expect(tokens.getToken('sharepoint')).rejects.toThrow('Graph only');
  });
});
