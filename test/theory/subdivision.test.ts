import { describe, expect, it } from 'vitest';
import { PAPER_TARGET, type Target } from '#shared/config/schema';
import { createRng } from '#shared/rng';
import { MAX_EXACT_WORK, pieceLengths, uniformInitValidProbability } from '#shared/theory/subdivision';

/** Sum over every count vector (k_0..k_n), each >= 2, of the multinomial probability: the definition, term by term. */
function bruteForce(lengths: Float64Array, m: number): number {
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const visit = (piece: number, left: number, term: number): number => {
    if (piece === lengths.length - 1) return left >= 2 ? (term * lengths[piece] ** left) / factorial(left) : 0;
    let sum = 0;
    for (let k = 2; k <= left; k++) sum += visit(piece + 1, left - k, (term * lengths[piece] ** k) / factorial(k));
    return sum;
  };
  return factorial(m) * visit(0, m, 1);
}

/** Fraction of `trials` draws of m uniforms that put >= 2 in every closed piece (the definition, sampled). */
function monteCarlo(target: Target, m: number, trials: number, seed: number): number {
  const rng = createRng('fast', seed);
  const ends = [0, ...target.positions, 1];
  const counts = new Int32Array(ends.length - 1);
  let passed = 0;
  for (let t = 0; t < trials; t++) {
    counts.fill(0);
    for (let j = 0; j < m; j++) {
      const x = rng.next();
      let piece = 0;
      while (x > ends[piece + 1]) piece++;
      counts[piece]++;
    }
    if (counts.every((c) => c >= 2)) passed++;
  }
  return passed / trials;
}

describe('probability that uniform positions give every target piece two neurons', () => {
  it('matches the multinomial sum written out term by term', () => {
    const target: Target = { positions: [0.13, 0.6], values: [0, 1, -2] };
    for (const m of [6, 7, 9, 12])
      expect(uniformInitValidProbability(target, m)).toBeCloseTo(bruteForce(pieceLengths(target), m), 13);
  });

  it('matches the closed form of two pieces: 1 - P(count in [0, v] is 0, 1, m - 1 or m)', () => {
    const v = 0.3;
    const target: Target = { positions: [v], values: [1, 2] };
    for (const m of [4, 5, 10, 37, 200]) {
      const binomial = (k: number) =>
        [...Array(k).keys()].reduce((c, i) => (c * (m - i)) / (i + 1), 1) * v ** k * (1 - v) ** (m - k);
      const expected = 1 - binomial(0) - binomial(1) - binomial(m - 1) - binomial(m);
      expect(uniformInitValidProbability(target, m)).toBeCloseTo(expected, 13);
    }
  });

  it('is about 0.34 for the paper target and m = 20, as Monte Carlo sampling says', () => {
    const exact = uniformInitValidProbability(PAPER_TARGET, 20)!;
    const trials = 200_000;
    const sampled = monteCarlo(PAPER_TARGET, 20, trials, 7);
    const sd = Math.sqrt((exact * (1 - exact)) / trials);
    expect(Math.abs(sampled - exact)).toBeLessThan(4 * sd);
    expect(exact).toBeGreaterThan(0.32);
    expect(exact).toBeLessThan(0.36);
  });

  it('is 0 with fewer than two neurons per piece, 1 without jumps from m = 2 on, and grows with m', () => {
    expect(uniformInitValidProbability(PAPER_TARGET, 11)).toBe(0);
    expect(uniformInitValidProbability({ positions: [], values: [1] }, 1)).toBe(0);
    expect(uniformInitValidProbability({ positions: [], values: [1] }, 2)).toBeCloseTo(1, 15);
    const values = [12, 20, 40, 80].map((m) => uniformInitValidProbability(PAPER_TARGET, m)!);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
    expect(values[3]).toBeGreaterThan(0.999);
  });

  it('stays exact and quick for a wide network, and declines beyond the work limit', () => {
    const started = performance.now();
    const wide = uniformInitValidProbability(PAPER_TARGET, 100_000)!;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(wide).toBeCloseTo(1, 12);
    // A narrow piece of width 1e-4 with 10,000 neurons: P(count <= 1) = (1 - p)^m + m p (1 - p)^(m - 1) = 2/e roughly.
    const p = 1e-4;
    const narrow: Target = { positions: [0.5, 0.5 + p], values: [0, 1, -1] };
    const m = 10_000;
    const lacking = (1 - p) ** m + m * p * (1 - p) ** (m - 1);
    expect(uniformInitValidProbability(narrow, m)).toBeCloseTo(1 - lacking, 10);
    const many: Target = {
      positions: Array.from({ length: 999 }, (_, i) => (i + 1) / 1000),
      values: Array(1000).fill(1),
    };
    expect(uniformInitValidProbability(many, Math.ceil(MAX_EXACT_WORK / 1000) + 1)).toBeNull();
  });
});
