import { describe, expect, it } from 'vitest';
import { parseTargetDate } from './target-date';
import {
  currentTarget,
  hasExceededOriginal,
  nextRevisionNeedsPanel,
  reviseTarget,
  RevisionNotAllowedError,
  type TargetHistory,
  type TargetRevision,
} from './target-history';

const requester = { email: 'dana.owner@example.org', name: 'Dana Owner' };
const revision = (text: string, approvedBy: 'coordinator' | 'panel' = 'coordinator'): TargetRevision => ({
  target: parseTargetDate(text),
  reason: 'Supplier delay',
  requestedBy: requester,
  approvedBy,
  approvedOn: '2025-01-10',
});
const start: TargetHistory = { original: parseTargetDate('March 2025'), revisions: [] };

describe('target date history', () => {
  it('keeps the original and makes the latest revision current', () => {
    const once = reviseTarget(start, revision('Aug 2025'));
    expect(once.original).toEqual(start.original);
    expect(currentTarget(start).due).toBe('2025-03-31');
    expect(currentTarget(once).due).toBe('2025-08-31');
    const twice = reviseTarget(once, revision('Q3 2025-26', 'panel'));
    expect(twice.revisions.map((r) => r.target.text)).toEqual(['Aug 2025', 'Q3 2025-26']);
    expect(currentTarget(twice).due).toBe('2025-12-31');
  });

  it('lets the coordinator approve one revision by default, then needs the panel', () => {
    expect(nextRevisionNeedsPanel(start)).toEqual({ needsPanel: false, why: 'The coordinator can approve 1 more revision' });
    const once = reviseTarget(start, revision('Aug 2025'));
    expect(nextRevisionNeedsPanel(once).needsPanel).toBe(true);
    expect(nextRevisionNeedsPanel(once).why).toMatch(/revised 1 time;/);
    expect(() => reviseTarget(once, revision('Sept 2025'))).toThrow(RevisionNotAllowedError);
    expect(reviseTarget(once, revision('Sept 2025', 'panel')).revisions).toHaveLength(2);
  });

  it('follows a configured policy', () => {
    const policy = { coordinatorMayApprove: 2 };
    const once = reviseTarget(start, revision('Aug 2025'), policy);
    expect(nextRevisionNeedsPanel(once, policy).needsPanel).toBe(false);
    expect(nextRevisionNeedsPanel(start, policy).why).toMatch(/2 more revisions/);
    const none = { coordinatorMayApprove: 0 };
    expect(() => reviseTarget(start, revision('Aug 2025'), none)).toThrow(/needs the panel/);
  });

  it('refuses a revision without a reason', () => {
    expect(() => reviseTarget(start, { ...revision('Aug 2025'), reason: '  ' })).toThrow(/reason/);
  });

  it('knows when an item has gone past its original plan', () => {
    expect(hasExceededOriginal(start, '2025-03-31')).toBe(false);
    expect(hasExceededOriginal(start, '2025-04-01')).toBe(true);
    expect(hasExceededOriginal(reviseTarget(start, revision('Aug 2025')), '2025-01-01')).toBe(true);
    expect(hasExceededOriginal(reviseTarget(start, revision('1 March 2025')), '2025-01-01')).toBe(false);
    const undated: TargetHistory = { original: parseTargetDate('TBC'), revisions: [] };
    expect(hasExceededOriginal(undated, '2030-01-01')).toBe(false);
    expect(hasExceededOriginal(reviseTarget(undated, revision('Aug 2025')), '2025-01-01')).toBe(true);
  });
});
