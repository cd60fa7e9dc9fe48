import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, viewFromAddress } from './routes';

describe('routes', () => {
  it('reads and writes the hash routes, defaulting to home', () => {
    expect(parseRoute('#/recommendations/42')).toEqual({ page: 'recommendation', id: '42' });
    expect(parseRoute('#/paper')).toEqual({ page: 'paper' });
    expect(parseRoute('#/nonsense')).toEqual({ page: 'home' });
    expect(parseRoute('')).toEqual({ page: 'home' });
    expect(routeHash({ page: 'recommendation', id: 'a b' })).toBe('#/recommendations/a%20b');
    expect(parseRoute(routeHash({ page: 'recommendation', id: 'a b' }))).toEqual({ page: 'recommendation', id: 'a b' });
  });

  it("takes the tab's view from its address, and anything else is the owner's view", () => {
    expect(viewFromAddress('?view=coordinator')).toBe('coordinator');
    expect(viewFromAddress('?view=panel&x=1')).toBe('panel');
    expect(viewFromAddress('?view=admin')).toBe('owner');
    expect(viewFromAddress('')).toBe('owner');
  });
});
