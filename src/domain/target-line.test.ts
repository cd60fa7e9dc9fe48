import { describe, expect, it } from 'vitest';
import { readTargetLine } from './target-line';

describe("a paper's target line", () => {
  it('separates the original, its revisions and the person, as the reference writes them', () => {
    expect(readTargetLine('January 2025 – Dana Reid (Security Vetting Manager)')).toEqual({
      original: 'January 2025',
      revisions: [],
      person: 'Dana Reid (Security Vetting Manager)',
    });
    expect(readTargetLine('Implemented by May 2023 Sam Ortiz – Commissioning Manager')).toEqual({
      original: 'Implemented by May 2023',
      revisions: [],
      person: 'Sam Ortiz – Commissioning Manager',
    });
    expect(readTargetLine('31st March 2025  Revised Target – End of August 2025')).toEqual({
      original: '31st March 2025',
      revisions: ['End of August 2025'],
      person: '',
    });
    expect(readTargetLine('June 2023 Target date change to Q3 2024 - Lee Marsh Director of Strategy')).toEqual({
      original: 'June 2023',
      revisions: ['Q3 2024'],
      person: 'Lee Marsh Director of Strategy',
    });
    expect(readTargetLine('Revised to Aug 2025 Aug 2023 Supt Ray Dunn – Head of PSD')).toEqual({
      original: 'Aug 2023',
      revisions: ['Aug 2025'],
      person: 'Supt Ray Dunn – Head of PSD',
    });
  });

  it('keeps words that are neither date nor person with the date before them, and a line with no date as written', () => {
    expect(
      readTargetLine(
        'May 2023 Target date change to Q3 2024 Target date change end of Q1 2024-25 To be ready for roll out next financial year 25/26 - Lee Marsh Director',
      ),
    ).toEqual({
      original: 'May 2023',
      revisions: ['Q3 2024', 'end of Q1 2024-25 To be ready for roll out next financial year 25/26'],
      person: 'Lee Marsh Director',
    });
    expect(readTargetLine('TBC – Dana Reid')).toEqual({ original: 'TBC', revisions: [], person: 'Dana Reid' });
    expect(readTargetLine('Ongoing')).toEqual({ original: 'Ongoing', revisions: [], person: '' });
  });
});
