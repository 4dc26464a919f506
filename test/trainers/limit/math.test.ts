/** math/limit.ts against independent computations: quadrature of the fast solution, finite differences, closed forms. */
import { describe, expect, it } from 'vitest';
import { PAPER_TARGET, type Target } from '#shared/config/schema';
import {
  fastSolution,
  fastSolutionWeights,
  limitDerivatives,
  nearDistanceAfter,
  reducedLoss,
} from '#shared/math/limit';
import { evalTarget } from '#shared/math/target';
import { Mt19937 } from '#shared/rng/mt19937';
import { centralDifference } from '../../support/differences';
import { FLANKED_POSITIONS, FLANKS, flankDistances } from './helpers';

/** A target with five jumps and neurons leaving two of them in one cell (an invalid subdivision on purpose). */
const target: Target = { positions: [0.15, 0.3, 0.42, 0.7, 0.77], values: [0.5, 2, -3, 1.5, 4, -2.5] };
const u = Float64Array.from([0.9, 0.05, 0.33, 0.2, 0.5, 0.62, 0.25, 0.97, 0.4]); // unsorted; (0.62, 0.9) holds 0.7 and 0.77

/** int_0^1 (f* - fast solution)^2 by the midpoint rule on a fine grid (both piecewise constant: error O(1/n)). */
function lossByQuadrature(t: Target, positions: Float64Array, n = 400_000): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = (i + 0.5) / n;
    const gap = evalTarget(t, x) - fastSolution(t, positions, x);
    sum += gap * gap;
  }
  return sum / n;
}

describe('reduced loss and fast solution', () => {
  it('L0 is the squared distance from f* to the fast solution, also with two jumps in one cell', () => {
    expect(Math.abs(reducedLoss(target, u) - lossByQuadrature(target, u))).toBeLessThan(1e-4);
  });

  it('with one jump per cell L0 = sum Delta^2 d_L d_R / (d_L + d_R)', () => {
    let expected = 0;
    FLANKS.forEach((_, i) => {
      const [dL, dR] = flankDistances(FLANKED_POSITIONS, i);
      expected += (PAPER_TARGET.values[i + 1] ** 2 * dL * dR) / (dL + dR);
    });
    expect(reducedLoss(PAPER_TARGET, FLANKED_POSITIONS)).toBeCloseTo(expected, 14);
  });

  it('the network weights reproduce the fast solution as eta -> 0', () => {
    const a = new Float64Array(u.length + 1);
    fastSolutionWeights(target, u, a);
    const rng = new Mt19937(7);
    for (let n = 0; n < 200; n++) {
      const x = rng.next();
      let fit = a[0];
      for (let j = 0; j < u.length; j++) if (x >= u[j]) fit += a[j + 1];
      expect(fit).toBeCloseTo(fastSolution(target, u, x), 12);
    }
  });

  it('the cell average holds on each side of a neuron, and at 0 and 1', () => {
    const positions = Float64Array.from([0.1, 0.3]);
    const t: Target = { positions: [0.2], values: [1, 2] };
    expect(fastSolution(t, positions, 0)).toBe(1);
    expect(fastSolution(t, positions, 0.1)).toBeCloseTo(2, 15); // [0.1, 0.3): half at 1, half at 3
    expect(fastSolution(t, positions, 0.3)).toBe(3);
    expect(fastSolution(t, positions, 1)).toBe(3);
  });
});

describe('derivatives', () => {
  it('are the gradient of L0 (central differences), wherever the cells hold their jumps', () => {
    const out = new Float64Array(u.length);
    limitDerivatives(target, u, out);
    const step = 1e-7;
    for (let j = 0; j < u.length; j++) {
      const difference = centralDifference((positions) => reducedLoss(target, positions), u, j, step);
      expect(Math.abs(out[j] - difference), `neuron ${j}`).toBeLessThan(1e-6 * (1 + Math.abs(difference)));
    }
    expect(out[7]).toBe(0); // 0.97: both of its cells are free of jumps
    expect(out[3]).toBeGreaterThan(0); // 0.2, right flank of 0.15: du/dtau = -out < 0, it moves left
  });

  it('vanish for a neuron that sits on its jump and for its partner', () => {
    const t: Target = { positions: [0.5], values: [0, 3] };
    const out = new Float64Array(3);
    limitDerivatives(t, Float64Array.from([0.3, 0.5, 0.8]), out);
    expect(Array.from(out)).toEqual([0, 0, 0]);
  });
});

describe('one flank pair, exactly', () => {
  it('equidistant flanks close in linearly: s(tau) = s0 - Delta^2 tau / 4', () => {
    expect(nearDistanceAfter(0.05, 0, 4, 0.01)).toBeCloseTo(0.04, 15);
    expect(nearDistanceAfter(0.05, 0, 4, 0.06)).toBe(0);
  });

  it('matches a fine Runge-Kutta integration of ds/dtau = -Delta^2 (w / (s + w))^2 with w^3 = s^3 + k', () => {
    const [s0, w0, delta2, tau] = [0.03, 0.05, 9, 0.004];
    const k = w0 ** 3 - s0 ** 3;
    const speed = (s: number): number => {
      const w = Math.cbrt(s * s * s + k);
      return -delta2 * (w / (s + w)) ** 2;
    };
    let s = s0;
    const n = 10_000;
    const h = tau / n;
    for (let i = 0; i < n; i++) {
      const k1 = speed(s);
      const k2 = speed(s + (h / 2) * k1);
      const k3 = speed(s + (h / 2) * k2);
      const k4 = speed(s + h * k3);
      s += (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4);
    }
    expect(s).toBeGreaterThan(0);
    expect(Math.abs(nearDistanceAfter(s0, k, delta2, tau) - s)).toBeLessThan(1e-13);
    // in two halves it lands in the same place
    const half = nearDistanceAfter(nearDistanceAfter(s0, k, delta2, tau / 2), k, delta2, tau / 2);
    expect(Math.abs(half - s)).toBeLessThan(1e-13);
    expect(nearDistanceAfter(s0, k, delta2, 1)).toBe(0);
  });
});
