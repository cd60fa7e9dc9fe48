import { useEffect, useState } from 'react';
import type { Role } from '../domain';

/** Routes live in the URL hash, so a reload or a Teams deep link lands on the same screen. */
export type Page = 'home' | 'register' | 'review' | 'audits' | 'import' | 'channel' | 'paper';
export type Route = { page: Page } | { page: 'recommendation'; id: string };

const pages: Page[] = ['register', 'review', 'audits', 'import', 'channel', 'paper'];

export function parseRoute(hash: string): Route {
  const match = /^#\/recommendations\/([^/?#]+)$/.exec(hash);
  if (match?.[1]) return { page: 'recommendation', id: decodeURIComponent(match[1]) };
  const page = /^#\/([a-z]+)$/.exec(hash)?.[1];
  return { page: pages.find((p) => p === page) ?? 'home' };
}

export const routeHash = (route: Route): string =>
  route.page === 'recommendation' ? `#/recommendations/${encodeURIComponent(route.id)}` : route.page === 'home' ? '#/' : `#/${route.page}`;

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

/** Which view a tab shows: the channel tab's address carries ?view=coordinator or ?view=panel; otherwise owner. */
export function viewFromAddress(search: string): Role {
  const view = new URLSearchParams(search).get('view');
  return view === 'coordinator' || view === 'panel' ? view : 'owner';
}
