import { describe, expect, it } from 'vitest';
import { channelTabSettings, deepLinkHash, meetingSurface, meetingTabSettings, parseRoute, routeHash, viewFromAddress } from './routes';

describe('routes', () => {
  it('reads and writes the hash routes, defaulting to home', () => {
    expect(parseRoute('#/recommendations/42')).toEqual({ page: 'recommendation', id: '42' });
    expect(parseRoute('#/paper')).toEqual({ page: 'paper' });
    expect(parseRoute('#/nonsense')).toEqual({ page: 'home' });
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(routeHash({ page: 'recommendation', id: 'a b' })).toBe('#/recommendations/a%20b');
    expect(parseRoute(routeHash({ page: 'recommendation', id: 'a b' }))).toEqual({ page: 'recommendation', id: 'a b' });
    // A dashboard figure opens the register with its filter in the address, which a reload keeps.
    expect(parseRoute('#/register?priority=High&openOnly=true')).toEqual({ page: 'register', query: 'priority=High&openOnly=true' });
    expect(routeHash({ page: 'register', query: 'rag=RED' })).toBe('#/register?rag=RED');
    expect(parseRoute('#/dashboard')).toEqual({ page: 'dashboard' });
  });

  it("takes the tab's view from its address, and anything else is the owner's view", () => {
    expect(viewFromAddress('?view=coordinator')).toBe('coordinator');
    expect(viewFromAddress('?view=panel&x=1')).toBe('panel');
    expect(viewFromAddress('?view=admin')).toBe('owner');
    expect(viewFromAddress('')).toBe('owner');
  });

  it("follows a meeting read-only, as the panel does, on the surface Teams' frame context names", () => {
    const settings = meetingTabSettings('https://tab.example/index.html?configure=1#/');
    expect(settings.contentUrl).toBe('https://tab.example/index.html?view=meeting');
    expect(viewFromAddress(new URL(settings.contentUrl).search)).toBe('panel');
    expect(['sidePanel', 'meetingStage', 'content', undefined].map(meetingSurface)).toEqual(['sidePanel', 'stage', 'tab', 'tab']);
  });
});

describe('the channel tab and deep links', () => {
  it("saves each view as the tab's address with ?view=, which the tab reads back", () => {
    for (const view of ['coordinator', 'panel'] as const) {
      const settings = channelTabSettings(view, 'https://tab.example/index.html?configure=1#/');
      expect(settings.contentUrl).toBe(`https://tab.example/index.html?view=${view}`);
      expect(settings.websiteUrl).toBe(settings.contentUrl);
      expect(viewFromAddress(new URL(settings.contentUrl).search)).toBe(view);
    }
    expect(channelTabSettings('panel', 'https://tab.example/index.html').entityId).not.toBe(
      channelTabSettings('coordinator', 'https://tab.example/index.html').entityId,
    );
  });

  it("opens the deep link's recommendation only when the address has not chosen a screen", () => {
    expect(deepLinkHash('rec 7', '')).toBe('#/recommendations/rec%207');
    expect(deepLinkHash('rec 7', '#/')).toBe('#/recommendations/rec%207');
    expect(deepLinkHash('rec 7', '#/register')).toBeUndefined();
    expect(deepLinkHash('rec 7', '#/recommendations/8')).toBeUndefined();
    expect(deepLinkHash(undefined, '')).toBeUndefined();
    expect(deepLinkHash('', '')).toBeUndefined();
  });
});
