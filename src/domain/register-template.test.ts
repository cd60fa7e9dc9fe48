import { describe, expect, it } from 'vitest';
import { importedStatus } from './register-import';
import { parseStatus, registerStatuses, saysStatus, templateStatusWords } from './register-template';

describe('the register template', () => {
  it('reads each status word as what it says happened, never folding one into another', () => {
    const words = [
      'Open',
      'ongoing',
      'PROPOSED CLOSED',
      'Implemented',
      'Completed',
      'Closed',
      'Not accepted',
      'Withdrawn',
      'Not Adopted',
      'Risk accepted',
      'Superseded',
      '',
    ];
    expect(words.map(parseStatus)).toEqual([
      'open',
      'open',
      'proposedClosed',
      'implemented',
      'implemented',
      'closed',
      'notAccepted',
      'notAdopted',
      'notAdopted',
      'riskAccepted',
      'superseded',
      'open',
    ]);
    expect(parseStatus('Parked')).toBeUndefined();
  });

  it('reaches each status through the lifecycle, saying where it came from', () => {
    const where = 'register.xlsx, row 8';
    const seen = Object.fromEntries(registerStatuses.map((s) => [s, importedStatus(s, where)]));
    expect(seen.proposedClosed).toMatchObject({ status: 'acceptedForPanel', outcome: 'toPanel', step: { kind: 'imported' } });
    // "Implemented" is someone's word that it is done: proposed closed, for the coordinator to review.
    expect(seen.implemented).toMatchObject({ status: 'open', outcome: 'forReview', proposes: expect.stringContaining(where) });
    expect(seen.closed).toMatchObject({ status: 'closed', outcome: 'closedBefore', step: { kind: 'importClosed' } });
    expect(seen.notAccepted).toMatchObject({ status: 'open', statusReason: expect.stringContaining('did not accept'), outcome: 'notAccepted' });
    expect([seen.notAdopted?.status, seen.riskAccepted?.status, seen.superseded?.status]).toEqual(['notAdopted', 'riskAccepted', 'superseded']);
    for (const s of Object.values(seen)) if (s.step) expect(s.step.detail).toContain(where);
  });

  it('writes each withdrawal with its own word, so an export imported again changes nothing', () => {
    expect(parseStatus(templateStatusWords.riskAccepted)).toBe('riskAccepted');
    expect(parseStatus(templateStatusWords.superseded)).toBe('superseded');
    expect(saysStatus('notAdopted', 'riskAccepted')).toBe(false);
  });

  it("writes an owner's pending proposal as Implemented, which waits for review, and the panel's own as Proposed closed", () => {
    expect(parseStatus(templateStatusWords.proposedClosed)).toBe('implemented');
    expect(importedStatus('implemented', 'row 2').outcome).toBe('forReview');
    expect(parseStatus(templateStatusWords.acceptedForPanel)).toBe('proposedClosed');
    expect(saysStatus('implemented', 'proposedClosed')).toBe(true);
    expect(saysStatus('implemented', 'open')).toBe(false);
    expect(saysStatus('notAccepted', 'open')).toBe(true);
  });
});
