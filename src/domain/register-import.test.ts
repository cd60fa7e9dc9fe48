import { describe, expect, it } from 'vitest';
import { cleanCell, hasErrors, matchHeader, parseAuditDate, parseOwners, planRegisterImport } from './register-import';
import { templateColumns } from './register-template';

const header = [...templateColumns];
const row = (over: Partial<Record<(typeof templateColumns)[number], string>>): string[] => header.map((c) => over[c] ?? '');

describe('reading a register', () => {
  it('tolerates case and spacing in headers, and names the missing required ones', () => {
    expect(matchHeader(['  audit title', 'REFERENCE', 'Recommendation  title', 'priority ']).missing).toEqual([]);
    expect(matchHeader(['Audit', 'Ref']).missing).toEqual(['Audit Title', 'Reference', 'Recommendation Title', 'Priority']);
    const plan = planRegisterImport([['Title', 'Ref']], '2025-05-20');
    expect(plan.fileErrors[0]).toMatch(/^Missing required columns: Audit Title, Reference, Recommendation Title, Priority\./);
  });

  it('removes Word bookmarks and stray whitespace but keeps the words', () => {
    expect(cleanCell('[bookmark: _Hlk121300028]FLEET  MANAGEMENT\u00a0')).toBe('FLEET MANAGEMENT');
    expect(cleanCell(' line one \n   line two ')).toBe('line one\nline two');
  });

  it.each([
    ['September 2018', { year: 2018, month: 9 }],
    ['Sep-18', { year: 2018, month: 9 }],
    ['2021-02', { year: 2021, month: 2 }],
    ['2021-02-01', { year: 2021, month: 2 }],
    ['11/2022', { year: 2022, month: 11 }],
    ['1st Nov 2022', { year: 2022, month: 11 }],
  ])('reads the audit date %j', (text, expected) => expect(parseAuditDate(text)).toEqual(expected));

  it('reads two owners in one cell, and flags a missing owner rather than dropping the row', () => {
    expect(parseOwners('Dana Reid / Sam Holt', 'dana.reid@example.org; SAM.HOLT@example.org').owners).toEqual([
      { email: 'dana.reid@example.org', name: 'Dana Reid' },
      { email: 'sam.holt@example.org', name: 'Sam Holt' },
    ]);
    expect(parseOwners('Dana Reid <dana.reid@example.org>', '').owners).toEqual([{ email: 'dana.reid@example.org', name: 'Dana Reid' }]);
    expect(parseOwners('Dana Reid', '').findings).toEqual([{ level: 'warning', column: 'Owner Email', message: 'No email for Dana Reid: assign an owner' }]);
  });

  it('follows ditto marks and blank cells to the audit above, with reference variants and messy priorities', () => {
    const plan = planRegisterImport(
      [
        header,
        row({
          'Audit Title': 'FLEET MANAGEMENT',
          'Audit Date': 'September 2018',
          Assurance: 'SATISFACTORY ASSURANCE',
          Reference: '4.2',
          'Recommendation Title': 'Sample check of service details',
          Priority: 'Med',
          'Owner Name': 'Dana Reid',
          'Owner Email': 'dana.reid@example.org',
          'Original Target': 'March 2019',
          'Current Target': 'Qtr 3 / 4 2024',
          Status: 'Proposed closed',
        }),
        row({
          'Audit Title': '\u201c',
          Reference: '4.4.',
          'Recommendation Title': 'Performance indicators',
          Priority: 'HIGH PRIORITY',
          'Original Target': 'TBC',
        }),
        row({ Reference: '1.Multiple', 'Recommendation Title': 'Audit trail', Priority: 'low', 'Original Target': 'Revised to August 2025 31st March 2025' }),
        row({
          'Audit Title': 'Vetting (Revisit Audit)',
          'Audit Date': 'Feb-21',
          Assurance: 'LIMITED OPINION',
          Reference: '4.3',
          'Recommendation Title': 'Reporting',
          Priority: 'Urgent',
        }),
      ],
      '2025-05-20',
    );
    expect([...plan.audits.values()].map((a) => [a.title, a.qualifier, a.issuedYear, a.issuedMonth, a.opinion.level])).toEqual([
      ['FLEET MANAGEMENT', undefined, 2018, 9, 'Satisfactory'],
      ['Vetting', '(Revisit Audit)', 2021, 2, 'Limited'],
    ]);
    const [first, second, third, fourth] = plan.rows;
    expect(new Set([first?.auditKey, second?.auditKey, third?.auditKey]).size).toBe(1);
    expect(first?.recommendation).toMatchObject({ priority: 'Medium', status: 'acceptedForPanel', referenceKey: '4.2' });
    // A quarter with no financial year is flagged for the coordinator, not guessed.
    expect(first?.recommendation.targets.revisions[0]?.target).toEqual({ text: 'Qtr 3 / 4 2024', flag: 'ambiguous' });
    expect(second?.recommendation).toMatchObject({ priority: 'High', referenceKey: '4.4', owners: [] });
    expect(second?.findings.map((f) => f.message)).toEqual(['No owner: assign an owner', "'TBC' has no date: set a target"]);
    expect(third?.recommendation.referenceKey).toBe('1');
    expect(third?.findings.map((f) => f.message)).toContain("'Revised to August 2025 31st March 2025' holds more than one date: check which applies");
    expect(first && hasErrors(first)).toBe(false);
    expect(fourth?.findings).toContainEqual({ level: 'error', column: 'Priority', message: "'Urgent' is not High, Medium or Low" });
  });

  it('refuses a row that repeats an audit and reference, and rows with no audit to follow', () => {
    const plan = planRegisterImport(
      [
        header,
        row({ Reference: '1', 'Recommendation Title': 'Orphan', Priority: 'Low' }),
        row({ 'Audit Title': 'Payroll', 'Audit Date': '2024-03', Reference: '2.', 'Recommendation Title': 'A', Priority: 'Low' }),
        row({ 'Audit Title': '"', Reference: '2', 'Recommendation Title': 'B', Priority: 'Low' }),
        row({}),
      ],
      '2025-05-20',
    );
    expect(plan.rows).toHaveLength(3);
    expect(plan.rows[0]?.findings.filter((f) => f.level === 'error').map((f) => f.column)).toEqual(['Audit Title', 'Audit Date']);
    expect(plan.rows[2]?.findings).toContainEqual({ level: 'error', column: 'Reference', message: 'Same audit and reference as row 3' });
  });
});
