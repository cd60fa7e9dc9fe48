import { describe, expect, it } from 'vitest';
import { applyTransition } from './lifecycle';
import { openParts, partProgress, partsProblem, type SubPart } from './recommendation-parts';
import { effectiveStatus } from './recommendation';

const part = (label: string, email: string, status: SubPart['status'] = 'open'): SubPart => ({
  label,
  text: `Part ${label}`,
  owners: [{ email, name: email }],
  target: { text: 'TBC' },
  status,
});

describe('parts of a recommendation', () => {
  it('counts the parts done for the register', () => {
    expect(partProgress({ subParts: [part('a', 'a@x.example', 'done'), part('b', 'b@x.example')] })?.label).toBe('1 of 2 parts done');
    expect(partProgress({ subParts: [] })).toBeUndefined();
  });

  it('keeps the item from going to the panel until every part is done', () => {
    const item = { subParts: [part('a', 'a@x.example', 'done'), part('b', 'b@x.example')] };
    const request = { transition: 'acceptForPanel' as const, actor: { role: 'coordinator' as const, ownsItem: false }, openParts: openParts(item) };
    expect(() => applyTransition('proposedClosed', request)).toThrow('Part b is still open: the item can go to the panel when every part is done');
    expect(applyTransition('proposedClosed', { ...request, openParts: [] })).toBe('acceptedForPanel');
  });

  it("does not take a part owner's proposal as closing the whole item", () => {
    const partDone = { kind: 'ownerUpdate' as const, proposesClosure: true, part: 'a', submittedAt: '2025-05-01T10:00:00Z' };
    expect(effectiveStatus({ status: 'open' }, [partDone])).toBe('open');
    expect(effectiveStatus({ status: 'open' }, [{ ...partDone, part: undefined }])).toBe('proposedClosed');
  });

  it('refuses two parts with one label, and more part owners than their columns hold', () => {
    expect(partsProblem([part('a', 'a@x.example'), part('A', 'b@x.example')])).toBe('Two parts are labelled a: give each part its own label');
    const five = ['a', 'b', 'c', 'd', 'e'].map((l) => part(l, `${l}@x.example`));
    expect(partsProblem(five)).toBe('At most 4 different people can own parts');
  });
});
