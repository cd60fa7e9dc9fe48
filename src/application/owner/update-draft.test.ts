import { describe, expect, it } from 'vitest';
import { parseTargetDate } from '../../domain';
import { newDraft, validateDraft } from './update-draft';

const opened = {
  etag: '"1"',
  value: {
    id: '7',
    auditId: 'a',
    reference: '4.1',
    referenceKey: '4.1',
    title: 'Leavers',
    priority: 'High' as const,
    text: '',
    managementResponse: '',
    owners: [{ email: 'p@example.org', name: 'P' }],
    subParts: [],
    targets: { original: parseTargetDate('March 2025'), revisions: [] },
    status: 'open' as const,
  },
};

describe('validateDraft', () => {
  it('judges "in the future" by the UK date: at 00:30 BST the 17th is already today', () => {
    const draft = { ...newDraft(opened, () => 'k'), achieved: 'Done', requestNewTarget: true, newTargetDate: '2025-06-17', newTargetReason: 'Supplier' };
    const result = validateDraft(draft, { email: 'p@example.org', name: 'P' }, 'June 2025', new Date('2025-06-16T23:30:00Z'));
    expect(result).toEqual({ errors: { newTargetDate: 'The new target date must be in the future' } });
  });
});
