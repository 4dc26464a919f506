import { describe, expect, it } from 'vitest';
import { PAPER_TARGET } from '#shared/config/schema';
import { coverage, coveredCount } from '#shared/math/coverage';

describe('coverage', () => {
  const eta = 0.004;

  it('reports the nearest neuron, the distance in eta and whether it is within eta/2', () => {
    // Jumps at 0.2, 0.35, 0.5, 0.65, 0.8: exactly on, 0.4 eta away, 0.6 eta away, far, and just inside eta/2.
    const u = Float64Array.of(0.9, 0.2, 0.35 + 0.4 * eta, 0.5 - 0.6 * eta, 0.7, 0.8 + 0.49 * eta);
    const entries = coverage(PAPER_TARGET, u, eta);
    expect(entries.map((e) => e.nearestNeuron)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.map((e) => e.covered)).toEqual([true, true, false, false, true]);
    expect(entries[1].distanceInEta).toBeCloseTo(0.4, 9);
    expect(entries[3].distanceInEta).toBeCloseTo(0.05 / eta, 9);
    expect(entries.map((e) => e.position)).toEqual(PAPER_TARGET.positions);
    expect(coveredCount(PAPER_TARGET, u, eta)).toBe(3);
  });

  it('has no neuron to report when m = 0', () => {
    const entries = coverage(PAPER_TARGET, new Float64Array(0), eta);
    expect(entries.every((e) => e.nearestNeuron === -1 && !e.covered)).toBe(true);
    expect(coveredCount(PAPER_TARGET, new Float64Array(0), eta)).toBe(0);
  });
});
