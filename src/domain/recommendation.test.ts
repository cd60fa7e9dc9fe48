import { describe, expect, it } from 'vitest';
import { actionNeeded } from './recommendation';

const ownerUpdate = (submittedAt: string) => ({ kind: 'ownerUpdate' as const, submittedAt });

describe('actionNeeded', () => {
  const returned = { status: 'returnedToOwner' as const, statusChangedAt: '2025-05-01T09:00:00Z', statusReason: 'Evidence is a draft' };
  it('names the reason an item came back until the owner answers', () => {
    expect(actionNeeded(returned, [ownerUpdate('2025-04-20T10:00:00Z')])).toEqual({ reason: 'Evidence is a draft' });
    expect(actionNeeded(returned, [ownerUpdate('2025-05-02T10:00:00Z')])).toBeUndefined();
  });
  it('counts a closure the panel did not accept, not an item that was simply open', () => {
    expect(actionNeeded({ status: 'open', statusChangedAt: '2025-05-01T09:00:00Z', statusReason: 'Not yet embedded' }, [])).toEqual({
      reason: 'Not yet embedded',
    });
    expect(actionNeeded({ status: 'open', statusChangedAt: undefined, statusReason: undefined }, [])).toBeUndefined();
  });
  it('is not answered by the audit team writing a note', () => {
    expect(actionNeeded(returned, [{ kind: 'coordinatorNote', submittedAt: '2025-05-03T10:00:00Z' }])).toEqual({ reason: 'Evidence is a draft' });
  });
});
