import { describe, expect, it } from 'vitest';
import { reliabilityReport } from '../support/reliability-report';

const context = { date: '2026-12-02', throttled: 80, lost: 3, conflicts: 1, accessCells: 160 };
const figure = { flow: 'import', runs: 2, detail: 'no duplicates' };

describe('the reliability report', () => {
  it('claims nothing lost only when every check passed', () => {
    expect(reliabilityReport([{ name: 'import', state: 'passed', figures: [figure] }], context)).toContain('Records lost: 0; records duplicated: 0');
  });
  it('names a failed check, leaves out its figures and claims nothing', () => {
    const report =
      reliabilityReport(
        [
          { name: 'import', state: 'passed', figures: [figure] },
          { name: 'reminders under faults', state: 'failed', figures: [{ flow: 'reminders', runs: 2, detail: 'x' }] },
        ],
        context,
      ) ?? '';
    expect(report).toContain('**1 of 2 checks failed**');
    expect(report).toContain('  - reminders under faults');
    expect(report).not.toContain('Records lost: 0');
    expect(report).not.toContain('| reminders |');
  });
  it('counts each attack by the checks of it that ran, and names a failed one', () => {
    const report =
      reliabilityReport(
        [
          { name: 'import', state: 'passed', figures: [figure] },
          { name: 'ignores a forged proposal', group: 'forged updates', state: 'passed', figures: [] },
          { name: 'ignores a forged note', group: 'forged updates', state: 'failed', figures: [] },
        ],
        context,
      ) ?? '';
    expect(report).toContain('| forged updates | 1 of 2 | **failed**: ignores a forged note |');
    expect(report).toContain('answered 160 cells');
  });
  it('writes nothing for a run that skipped checks', () => {
    expect(
      reliabilityReport(
        [
          { name: 'import', state: 'passed', figures: [figure] },
          { name: 'access', state: 'skipped', figures: [] },
        ],
        context,
      ),
    ).toBeUndefined();
  });
});
