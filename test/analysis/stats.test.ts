import { describe, expect, it } from 'vitest';
import { boxStats, median, quantileSorted, sortedFinite } from '#shared/analysis/stats';

describe('order statistics', () => {
  it('interpolates quantiles linearly between order statistics (numpy default)', () => {
    const sorted = [1, 2, 4, 8];
    // Position (n - 1) q = 3 q: q = 0.25 -> 0.75 between 1 and 2; q = 0.5 -> 1.5 between 2 and 4.
    expect(quantileSorted(sorted, 0.25)).toBe(1.75);
    expect(quantileSorted(sorted, 0.5)).toBe(3);
    expect(quantileSorted(sorted, 0.75)).toBe(5);
    expect(quantileSorted(sorted, 0)).toBe(1);
    expect(quantileSorted(sorted, 1)).toBe(8);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('takes the median of odd and even samples, ignoring non-finite values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 7, Infinity])).toBe(7);
    expect(Array.from(sortedFinite([3, NaN, -1, 2]))).toEqual([-1, 2, 3]);
  });

  it('gives the five numbers of a box and the sample size', () => {
    // 1..9: quartiles at positions 2 and 6 (values 3 and 7), median 5.
    expect(boxStats([9, 1, 8, 2, 7, 3, 6, 4, 5])).toEqual({ min: 1, q1: 3, median: 5, q3: 7, max: 9, n: 9 });
    expect(boxStats([]).n).toBe(0);
  });
});
