import { describe, expect, it } from 'vitest';
import { exactTarget, parseTargetDate } from './target-date';

describe('parseTargetDate', () => {
  it.each([
    ['31st March 2025', '2025-03-31', '2025-03-31'],
    ['1 Aug 2025', '2025-08-01', '2025-08-01'],
    ['31/03/2025', '2025-03-31', '2025-03-31'],
    ['2025-03-31', '2025-03-31', '2025-03-31'],
    ['January 2025', '2025-01-01', '2025-01-31'],
    ['Aug 2025', '2025-08-01', '2025-08-31'],
    ['Sept 2018', '2018-09-01', '2018-09-30'],
    ['February 2024', '2024-02-01', '2024-02-29'],
    ['March/April 2022', '2022-03-01', '2022-04-30'],
    ['Target end of December 2024', '2024-12-01', '2024-12-31'],
    ['Pilot June 2021', '2021-06-01', '2021-06-30'],
    ['March 2019 Reliant upon supplier', '2019-03-01', '2019-03-31'],
    ['3rd Qtr 2025-26', '2025-10-01', '2025-12-31'],
    ['end of Q1 2024-25', '2024-04-01', '2024-06-30'],
    ['Q4 2024/25', '2025-01-01', '2025-03-31'],
    ['Q2 2025/2026', '2025-07-01', '2025-09-30'],
    ['next financial year 25/26', '2025-04-01', '2026-03-31'],
    ['2025-26', '2025-04-01', '2026-03-31'],
  ])('reads %j as %s to %s', (text, from, due) => {
    expect(parseTargetDate(text)).toEqual({ text, from, due });
  });

  it.each(['TBC', 'tbc.', 'Ongoing', 'On-going', '', '  ', 'N/A', 'To be confirmed'])('flags %j as having no date', (text) => {
    expect(parseTargetDate(text)).toMatchObject({ flag: 'noDate' });
    expect(parseTargetDate(text).due).toBeUndefined();
  });

  it.each(['When the supplier delivers', 'Target date for completion requested', '31/02/2025', '25/27'])('flags %j as unparsed and keeps the text', (text) => {
    const parsed = parseTargetDate(text);
    expect(parsed.flag).toBe('unparsed');
    expect(parsed.text).toBe(text);
    expect(parsed.due).toBeUndefined();
  });

  it('flags a quarter with no financial year as ambiguous, unless the organisation says how it reads them', () => {
    expect(parseTargetDate('Q3 2024')).toEqual({ text: 'Q3 2024', flag: 'ambiguous' });
    expect(parseTargetDate('Q3 2024', { bareQuarters: 'calendar' })).toEqual({ text: 'Q3 2024', from: '2024-07-01', due: '2024-09-30' });
    expect(parseTargetDate('Q3 2024', { bareQuarters: 'financial' })).toEqual({ text: 'Q3 2024', from: '2024-10-01', due: '2024-12-31' });
    expect(parseTargetDate('Qtr 3 / 4 2024', { bareQuarters: 'calendar' })).toEqual({ text: 'Qtr 3 / 4 2024', from: '2024-07-01', due: '2024-12-31' });
    // A financial year written out is never in doubt.
    expect(parseTargetDate('3rd Qtr 2025-26')).toMatchObject({ due: '2025-12-31' });
  });

  it('reads the wordings the reference uses for revisions, keeping each as written', () => {
    expect(parseTargetDate('TBC – final checks')).toEqual({ text: 'TBC – final checks', flag: 'noDate' });
    expect(parseTargetDate('next financial year 25/26')).toMatchObject({ due: '2026-03-31' });
  });

  it('flags old and new values run together instead of guessing', () => {
    const parsed = parseTargetDate('Revised to August 2025 31st March 2025');
    expect(parsed).toEqual({ text: 'Revised to August 2025 31st March 2025', flag: 'ambiguous' });
  });

  it('does not treat one date read two ways as ambiguous', () => {
    expect(parseTargetDate('31st March 2025 (31/03/2025)')).toMatchObject({ due: '2025-03-31' });
    expect(parseTargetDate('31st March 2025 (31/03/2025)').flag).toBeUndefined();
  });

  it('folds stray whitespace in the text it keeps', () => {
    expect(parseTargetDate('  Aug\n 2025 ').text).toBe('Aug 2025');
  });

  it('makes an exact target from a picked date', () => {
    expect(exactTarget('2026-01-15')).toEqual({ text: '2026-01-15', from: '2026-01-15', due: '2026-01-15' });
  });
});
