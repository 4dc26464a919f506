import { describe, expect, it } from 'vitest';
import { quantileBand, seedGroups, seedlessKey } from '#shared/analysis/groups';
import { parseRunConfig } from '#shared/config/schema';

const curve = (time: number[], values: number[]) => ({
  time: Float64Array.from(time),
  values: Float64Array.from(values),
  count: time.length,
});

describe('seed groups', () => {
  it('pools configurations that differ only by seed, in order of first appearance', () => {
    const configs = [
      parseRunConfig({ seed: 1, sgd: { epsilon: 0.1 } }),
      parseRunConfig({ seed: 2, sgd: { epsilon: 0.2 } }),
      parseRunConfig({ seed: 3, sgd: { epsilon: 0.1 } }),
      parseRunConfig({ seed: 1, sgd: { epsilon: 0.2 }, network: { m: 30 } }),
    ];
    expect(seedGroups(configs)).toEqual([[0, 2], [1], [3]]);
    expect(seedlessKey(configs[0])).toBe(seedlessKey(configs[2]));
    expect(seedlessKey(configs[0])).not.toBe(seedlessKey(configs[1]));
  });
});

describe('quantile band', () => {
  it('gives the median and the linear-interpolated 10% and 90% quantiles at each shared time', () => {
    const band = quantileBand([curve([0, 1], [1, 10]), curve([0, 1], [2, 30]), curve([0, 1], [3, 20])]);
    expect([...band.time]).toEqual([0, 1]);
    // Three values 1, 2, 3: q10 sits at position 0.2 between the first two, q90 at 1.8.
    expect(band.median[0]).toBe(2);
    expect(band.low[0]).toBeCloseTo(1.2, 14);
    expect(band.high[0]).toBeCloseTo(2.8, 14);
    // Sorted 10, 20, 30.
    expect(band.median[1]).toBe(20);
    expect(band.low[1]).toBeCloseTo(12, 12);
    expect(band.high[1]).toBeCloseTo(28, 12);
    expect([...band.runs]).toEqual([3, 3]);
  });

  it('reads curves between their checkpoints and drops a curve after its last one', () => {
    // The longest curve sets the times 0, 1, 2, 3; the second is read at t = 1 between (0, 0) and (2, 4), and stops at 2.
    const band = quantileBand([curve([0, 1, 2, 3], [10, 10, 10, 10]), curve([0, 2], [0, 4])]);
    expect([...band.runs]).toEqual([2, 2, 2, 1]);
    expect(band.median[1]).toBe((10 + 2) / 2);
    expect(band.median[3]).toBe(10);
  });

  it('matches the order statistics of ten seeds', () => {
    const curves = Array.from({ length: 10 }, (_, k) => curve([0], [10 - k]));
    const band = quantileBand(curves);
    // Values 1..10: positions 0.9, 4.5 and 8.1 of the sorted sample.
    expect(band.low[0]).toBeCloseTo(1.9, 14);
    expect(band.median[0]).toBe(5.5);
    expect(band.high[0]).toBeCloseTo(9.1, 14);
  });

  it('is the curve itself for one run', () => {
    const band = quantileBand([curve([0, 1, 2], [3, 2, 1])]);
    expect([...band.low]).toEqual([3, 2, 1]);
    expect([...band.high]).toEqual([3, 2, 1]);
  });
});
