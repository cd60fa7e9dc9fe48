import { describe, expect, it } from 'vitest';
import { organisationToday } from './calendar';

describe('organisationToday', () => {
  it('is the UK date, a day ahead of UTC between midnight and 1 am in summer', () => {
    expect(organisationToday(new Date('2025-06-16T23:30:00Z'))).toBe('2025-06-17');
    expect(organisationToday(new Date('2025-06-16T22:30:00Z'))).toBe('2025-06-16');
  });
  it('is the UTC date in winter', () => {
    expect(organisationToday(new Date('2025-01-16T23:30:00Z'))).toBe('2025-01-16');
  });
});
