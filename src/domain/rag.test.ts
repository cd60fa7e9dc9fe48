import { describe, expect, it } from 'vitest';
import { progressRag, progressRagLabel } from './rag';
import { parseTargetDate } from './target-date';

const aug = parseTargetDate('Aug 2025');

describe('progress RAG', () => {
  it.each([
    ['open', '2025-09-01', 'RED'],
    ['returnedToOwner', '2025-09-01', 'RED'],
    ['proposedClosed', '2025-09-01', 'RED'],
    ['open', '2025-08-31', 'AMBER'],
    ['open', '2025-01-01', 'AMBER'],
    ['acceptedForPanel', '2025-09-01', 'GREEN'],
    ['closed', '2030-01-01', 'GREEN'],
    ['notAdopted', '2030-01-01', 'GREY'],
    ['riskAccepted', '2030-01-01', 'GREY'],
    ['superseded', '2030-01-01', 'GREY'],
  ] as const)('%s on %s is %s', (status, today, rag) => {
    expect(progressRag(status, aug, today)).toBe(rag);
  });

  it('never calls an item without a date late', () => {
    expect(progressRag('open', parseTargetDate('TBC'), '2099-01-01')).toBe('AMBER');
    expect(progressRagLabel.RED).toBe('Overdue');
  });
});
