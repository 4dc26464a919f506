import { describe, expect, it } from 'vitest';
import { thinnedPositions } from '../../src-main/store/thinning';

describe('thinnedPositions', () => {
  it('keeps everything when the run fits', () => {
    expect(thinnedPositions(0, 2)).toBeNull();
    expect(thinnedPositions(300, 300)).toBeNull();
  });

  it('picks round(k (count - 1) / (max - 1)): first and last kept, gaps differing by at most one', () => {
    for (const [count, max] of [
      [3, 2],
      [2000, 300],
      [301, 300],
      [1_000_001, 7],
      [10, 9],
    ]) {
      const positions = thinnedPositions(count, max)!;
      expect(positions).toHaveLength(max);
      expect(positions[0]).toBe(0);
      expect(positions[max - 1]).toBe(count - 1);
      const gaps = Array.from(positions.subarray(1), (p, k) => p - positions[k]);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
      positions.forEach((p, k) => expect(Math.abs(p - (k * (count - 1)) / (max - 1))).toBeLessThanOrEqual(0.5));
    }
  });

  it('spaces 2,000 checkpoints 300 ways about 6.69 apart', () => {
    const positions = thinnedPositions(2000, 300)!;
    expect(Array.from(positions.subarray(0, 4))).toEqual([0, 7, 13, 20]);
    expect((positions[299] - positions[0]) / 299).toBeCloseTo(1999 / 299, 12);
  });
});
