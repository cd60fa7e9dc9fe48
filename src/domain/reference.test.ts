import { describe, expect, it } from 'vitest';
import { compareReferences, normaliseReference } from './reference';

describe('normaliseReference', () => {
  it.each([
    ['4.2', '4.2'],
    ['4.3.', '4.3'],
    [' 4.3. ', '4.3'],
    ['1.', '1'],
    ['1.Multiple', '1'],
    ['1. Multiple', '1'],
    ['12', '12'],
    ['A1 ', 'a1'],
    ['R3.', 'r3'],
  ])('%j -> %j', (written, key) => expect(normaliseReference(written)).toBe(key));

  it('orders references numerically', () => {
    expect(['4.10', '4.2', '10', '2.'].sort(compareReferences)).toEqual(['2.', '4.2', '4.10', '10']);
  });
});
