import { describe, expect, it } from 'vitest';
import { dateStyle } from './dates';

describe('dateStyle', () => {
  it("writes dates in the host's locale, in one long style", () => {
    expect(dateStyle('en-gb').date('2025-05-16')).toBe('16 May 2025');
    expect(dateStyle('en-US').date('2025-05-16')).toBe('May 16, 2025');
    expect(dateStyle('en-GB').month('2025-03-01')).toBe('March 2025');
  });

  it("reads an instant on the organisation's clocks: British summer time moves it past midnight", () => {
    expect(dateStyle('en-GB').instant('2025-06-30T23:30:00Z')).toBe('1 July 2025, 00:30');
    expect(dateStyle('en-GB').day('2025-06-30T23:30:00Z')).toBe('1 July 2025');
    expect(dateStyle('en-GB').day('2025-06-30')).toBe('30 June 2025');
  });

  it('falls back to the papers’ style for a locale tag nobody knows', () => {
    expect(dateStyle('not a locale!').date('2025-05-16')).toBe('16 May 2025');
  });
});
