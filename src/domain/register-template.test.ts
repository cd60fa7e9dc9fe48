import { describe, expect, it } from 'vitest';
import { parseStatus } from './register-template';

describe('the register template', () => {
  it('reads statuses and their synonyms, refusing unknown words', () => {
    expect(['Open', 'ongoing', 'PROPOSED CLOSED', 'Completed', 'Not Adopted', ''].map(parseStatus)).toEqual([
      'open',
      'open',
      'proposedClosed',
      'closed',
      'notAdopted',
      'open',
    ]);
    expect(parseStatus('Parked')).toBeUndefined();
  });
});
