/** Statistics helpers against hand-computed values (each worked out in the comment beside it). */
import { describe, expect, it } from 'vitest';
import { quantileBand, seedBand } from '#shared/analysis/groups';
import { bandOf, meanInterval, tCritical95, wilsonInterval } from '#shared/analysis/intervals';

describe('Wilson score interval', () => {
  it('3 of 4: centre (0.75 + z²/8) / (1 + z²/4) = 0.62753, half-width 0.32689', () => {
    const ci = wilsonInterval(3, 4);
    expect(ci.estimate).toBe(0.75);
    expect(ci.low).toBeCloseTo(0.30064, 4);
    expect(ci.high).toBeCloseTo(0.95442, 4);
  });

  it('0 of 3 starts at 0 and reaches z² / (3 + z²) = 0.56151', () => {
    const ci = wilsonInterval(0, 3);
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo(0.56151, 4);
  });

  it('10 of 10 mirrors 0 of 10: [n / (n + z²), 1] = [0.72247, 1]', () => {
    const ci = wilsonInterval(10, 10);
    expect(ci.low).toBeCloseTo(0.72247, 4);
    expect(ci.high).toBe(1);
  });

  it('has no interval without runs', () => {
    expect(Number.isNaN(wilsonInterval(0, 0).low)).toBe(true);
  });
});

describe('mean with its 95 % confidence interval', () => {
  it('1..5: mean 3, s = √2.5, t(4) = 2.776, half-width 2.776·1.5811/√5 = 1.9629', () => {
    const ci = meanInterval([1, 2, 3, 4, 5]);
    expect(ci.estimate).toBe(3);
    expect(ci.low).toBeCloseTo(1.0371, 3);
    expect(ci.high).toBeCloseTo(4.9629, 3);
  });

  it('reads t from the table up to 30 degrees of freedom and continues it smoothly above', () => {
    expect(tCritical95(1)).toBe(12.706);
    expect(tCritical95(30)).toBe(2.042);
    expect(tCritical95(40)).toBeCloseTo(2.021, 3);
    expect(tCritical95(120)).toBeCloseTo(1.98, 3);
  });

  it('is the value alone for one run', () => {
    expect(meanInterval([7])).toEqual({ estimate: 7, low: 7, high: 7 });
  });
});

describe('seed bands', () => {
  const sorted = Float64Array.from({ length: 10 }, (_, i) => i + 1);

  it('median with IQR, 10-90 % (linear interpolation, R type 7) or mean with CI', () => {
    // Positions (n - 1)q of 1..10: 2.25 -> 3.25, 6.75 -> 7.75, 0.9 -> 1.9, 8.1 -> 9.1.
    expect(bandOf(sorted, 'iqr')).toEqual({ estimate: 5.5, low: 3.25, high: 7.75 });
    expect(bandOf(sorted, 'p10-90').low).toBeCloseTo(1.9, 12);
    expect(bandOf(sorted, 'p10-90').high).toBeCloseTo(9.1, 12);
    // s = √(82.5 / 9) = 3.0277, t(9) = 2.262: half-width 2.1658.
    expect(bandOf(sorted, 'mean-ci').low).toBeCloseTo(5.5 - 2.1658, 3);
  });

  it('draws the band of curves at every time of the longest, the default being the 10-90 % band', () => {
    const curve = (values: number[]) => ({
      time: Float64Array.from(values, (_, i) => i),
      values: Float64Array.from(values),
      count: values.length,
    });
    const curves = [curve([1, 2]), curve([3, 4]), curve([5, 6])];
    const mean = seedBand(curves, 'mean-ci');
    expect([...mean.median]).toEqual([3, 4]);
    // s = 2, t(2) = 4.303: half-width 4.303·2/√3 = 4.9687.
    expect(mean.high[0]).toBeCloseTo(3 + 4.9687, 3);
    expect(seedBand(curves, 'p10-90')).toEqual(quantileBand(curves));
  });
});
