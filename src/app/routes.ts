import { useEffect, useState } from 'react';

/** Routes live in the URL hash, so a reload or a Teams deep link lands on the same screen. */
export type Route = { page: 'mine' } | { page: 'recommendation'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/recommendations\/([^/?#]+)$/.exec(hash);
  return match?.[1] ? { page: 'recommendation', id: decodeURIComponent(match[1]) } : { page: 'mine' };
}

export const routeHash = (route: Route): string => (route.page === 'recommendation' ? `#/recommendations/${encodeURIComponent(route.id)}` : '#/');

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
