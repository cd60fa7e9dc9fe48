import { describe, expect, it } from 'vitest';
import { segmentUnits } from './docx-bar-chart';

describe('segmentUnits', () => {
  it('draws each bar as long as its total, against the longest', () => {
    expect(segmentUnits([10, 10], 20, 40)).toEqual([20, 20]);
    expect(segmentUnits([5], 20, 40)).toEqual([10]);
    const shares = segmentUnits([1, 2, 3], 12, 40);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('keeps a small non-zero value visible and a zero one out', () => {
    expect(segmentUnits([1, 0, 200], 201, 40)).toEqual([1, 0, 39]);
  });

  it('never draws past the chart, however many tiny segments', () => {
    const spans = segmentUnits([...Array.from({ length: 10 }, () => 1), 1000], 1010, 40);
    expect(spans.reduce((a, b) => a + b, 0)).toBe(40);
    expect(spans.slice(0, 10).every((s) => s === 1)).toBe(true);
  });

  it('draws nothing when nothing is counted', () => {
    expect(segmentUnits([0, 0], 0, 40)).toEqual([0, 0]);
  });
});
