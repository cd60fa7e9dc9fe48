import { useEffect, useState } from 'react';
import type { Role } from '../domain';
import type { MeetingSurface } from '../application/ports';
import type { TabSettings } from '../adapters/teams/tab-configuration';

/** Routes live in the URL hash, so a reload or a Teams deep link lands on the same screen. */
export type Page = 'home' | 'dashboard' | 'register' | 'review' | 'audits' | 'import' | 'channel' | 'meetings' | 'paper';
/** A page may carry a query: the register's filter, so a dashboard figure opens the items behind it. */
export type Route = { page: Page; query?: string } | { page: 'recommendation'; id: string };

const pages: Page[] = ['dashboard', 'register', 'review', 'audits', 'import', 'channel', 'meetings', 'paper'];

export function parseRoute(hash: string): Route {
  const match = /^#\/recommendations\/([^/?#]+)$/.exec(hash);
  if (match?.[1]) return { page: 'recommendation', id: decodeURIComponent(match[1]) };
  const [, name, query] = /^#\/([a-z]+)(?:\?(.*))?$/.exec(hash) ?? [];
  const page = pages.find((p) => p === name) ?? 'home';
  return query && page !== 'home' ? { page, query } : { page };
}

export const routeHash = (route: Route): string =>
  route.page === 'recommendation'
    ? `#/recommendations/${encodeURIComponent(route.id)}`
    : route.page === 'home'
      ? '#/'
      : `#/${route.page}${route.query ? `?${route.query}` : ''}`;

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [
    route,
    (next) => {
      window.location.hash = routeHash(next);
      window.scrollTo(0, 0);
    },
  ];
}

/**
 * Which view a tab shows: the channel tab's address carries ?view=coordinator or ?view=panel; otherwise owner. A
 * meeting's tab (?view=meeting) follows the meeting read-only, as the panel does: only the coordinator who linked the
 * meeting runs it.
 */
export function viewFromAddress(search: string): Role {
  const view = new URLSearchParams(search).get('view');
  return view === 'coordinator' || view === 'panel' ? view : view === 'meeting' ? 'panel' : 'owner';
}

/** Where Teams shows a meeting's tab, from its frame context: the side panel, the stage, or a tab of the chat. */
export const meetingSurface = (frameContext: string | undefined): MeetingSurface =>
  frameContext === 'sidePanel' ? 'sidePanel' : frameContext === 'meetingStage' ? 'stage' : 'tab';

/** The meeting's tab, as the configuration page saves it and the side panel shares it to the stage. */
export function meetingTabSettings(tabAddress: string): TabSettings {
  const url = new URL(tabAddress);
  url.search = new URLSearchParams({ view: 'meeting' }).toString();
  url.hash = '';
  return { entityId: 'audit-tracker-meeting', contentUrl: url.href, websiteUrl: url.href, suggestedDisplayName: 'Audit panel meeting' };
}

export const meetingStageUrl = (): string => meetingTabSettings(`${window.location.origin}${window.location.pathname}`).contentUrl;

/** The views a channel tab can show; the personal tab is the owner's. */
export type ChannelView = Exclude<Role, 'owner'>;
export const channelViews: { view: ChannelView; name: string; description: string }[] = [
  {
    view: 'coordinator',
    name: 'Audit tracker',
    description: 'The programme, register, review queue, audits, import, reminders, meetings and the panel paper. For the audit coordinator.',
  },
  { view: 'panel', name: 'Audit panel paper', description: 'The paper for the next meeting, read-only. For audit committee members.' },
];

/** What the configuration page saves for a view: the tab's own address with ?view=, which viewFromAddress reads back. */
export function channelTabSettings(view: ChannelView, tabAddress: string): TabSettings {
  const url = new URL(tabAddress);
  url.search = new URLSearchParams({ view }).toString();
  url.hash = '';
  const name = channelViews.find((v) => v.view === view)?.name ?? view;
  return { entityId: `audit-tracker-${view}`, contentUrl: url.href, websiteUrl: url.href, suggestedDisplayName: name };
}

/**
 * A Teams deep link opens the tab with a sub-page (a recommendation id). It decides the screen only when the address
 * has not already chosen one, so a reload after moving on keeps the user's place.
 */
export function deepLinkHash(subPageId: string | undefined, hash: string): string | undefined {
  if (!subPageId || !['', '#', '#/'].includes(hash)) return undefined;
  return routeHash({ page: 'recommendation', id: subPageId });
}
