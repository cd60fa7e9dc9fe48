import { describe, expect, it } from 'vitest';
import { changeSinceAccepted } from './accepted-proposal';
import type { OwnerUpdate } from './owner-update';

const accepted: OwnerUpdate = {
  id: 'u1',
  recommendationId: 'r1',
  cycle: 'June 2025',
  kind: 'ownerUpdate',
  author: { email: 'p@x.example', name: 'P' },
  achieved: '',
  remaining: '',
  barriers: '',
  mitigation: '',
  proposesClosure: true,
  closureNarrative: 'Procedure signed off',
  evidence: [{ name: 'p.pdf', url: 'https://x.example/p.pdf', driveItemId: 'd1', version: '1.0', hash: 'h' }],
  note: '',
  idempotencyKey: 'key-000001',
  submittedAt: '2025-06-01T10:00:00Z',
};

describe('a proposal since its acceptance', () => {
  it('is unchanged when the update still says what was accepted (file fingerprints are the copy’s own)', () => {
    expect(changeSinceAccepted(accepted, [{ ...accepted, evidence: [{ name: 'p.pdf', url: 'https://x.example/p.pdf', driveItemId: 'd1' }] }])).toBeUndefined();
  });
  it('is edited when its narrative or evidence changed, and removed when it is gone', () => {
    expect(changeSinceAccepted(accepted, [{ ...accepted, closureNarrative: 'Rewritten' }])).toBe('edited');
    expect(changeSinceAccepted(accepted, [{ ...accepted, evidence: [] }])).toBe('edited');
    expect(changeSinceAccepted(accepted, [])).toBe('removed');
  });
});
