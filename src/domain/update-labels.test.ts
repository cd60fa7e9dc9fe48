import { describe, expect, it } from 'vitest';
import { splitDatedUpdates } from './update-labels';

describe('dated update labels in a register cell', () => {
  it('splits a cell into one update per label, each in the cycle it names, as the reference writes them', () => {
    const cell = 'Summary so far.\nUpdate January 2024: first.\nUPDATE APRIL2025: second\nmore.\nUPDATE Oct 2024: third.';
    expect(splitDatedUpdates(cell)).toEqual([
      { text: 'Summary so far.' },
      { label: 'Update January 2024', cycle: 'January 2024', text: 'first.' },
      { label: 'UPDATE APRIL2025', cycle: 'April 2025', text: 'second\nmore.' },
      { label: 'UPDATE Oct 2024', cycle: 'October 2024', text: 'third.' },
    ]);
  });

  it("takes a yearless label's year from its neighbours, and names no cycle when there are none", () => {
    expect(splitDatedUpdates('UPDATE July: a\nUPDATE OCTOBER 2024\nb').map((u) => u.cycle)).toEqual(['July 2024', 'October 2024']);
    expect(splitDatedUpdates('UPDATE October: a\nUPDATE April 2025: b').map((u) => u.cycle)).toEqual(['October 2024', 'April 2025']);
    expect(splitDatedUpdates('UPDATE July 2024: a\nProgress Update April: b').map((u) => u.cycle)).toEqual(['July 2024', 'April 2025']);
    expect(splitDatedUpdates('Progress Update April: b')).toEqual([{ label: 'Progress Update April', cycle: undefined, text: 'b' }]);
  });

  it('does not take "update" inside a sentence for a label', () => {
    expect(splitDatedUpdates('We will update April data soon.')).toEqual([{ text: 'We will update April data soon.' }]);
  });
});
