import { describe, expect, it } from 'vitest';
import { parsePriority, priorityColour, priorityRank } from './priority';

describe('priority', () => {
  it.each([
    ['High', 'High'],
    ['HIGH PRIORITY', 'High'],
    ['  high ', 'High'],
    ['Red', 'High'],
    ['Med', 'Medium'],
    ['Medium Priority Recommendation', 'Medium'],
    ['AMBER', 'Medium'],
    ['low', 'Low'],
    ['Green', 'Low'],
  ])('reads %j as %s', (text, expected) => expect(parsePriority(text)).toBe(expected));

  it.each(['', 'Urgent', 'Critical', 'Highish'])('does not guess %j', (text) => {
    expect(parsePriority(text)).toBeUndefined();
  });

  it('colours priority, High first', () => {
    expect(priorityColour).toEqual({ High: 'RED', Medium: 'AMBER', Low: 'GREEN' });
    expect(['Low', 'High', 'Medium'].map((p) => priorityRank(p as 'Low')).sort()).toEqual([0, 1, 2]);
    expect(priorityRank('High')).toBeLessThan(priorityRank('Low'));
  });
});
