/**
 * The stepsize warnings of docs/MODEL.md section 7 against real runs: above the outer bound a short session diverges
 * and its guard stops it, just under it a long one cannot; beyond the inner limit the neurons leave [0, 1], at the
 * suggested epsilon they stay. The curvatures behind the inner limit are checked against the exact population loss.
 */
import { describe, expect, it } from 'vitest';
import {
  parseRunConfig,
  parseSweepSpec,
  PAPER_TARGET,
  type RunConfig,
  type RunConfigInput,
} from '#shared/config/schema';
import { sigma } from '#shared/math/activation';
import { evalNetwork } from '#shared/math/network';
import { Population } from '#shared/math/population';
import { evalTarget } from '#shared/math/target';
import { createRng } from '#shared/rng';
import { createRunSession } from '#shared/run/session';
import type { RunCheckpoint } from '#shared/run/types';
import { stepsizeLimits, stepsizeWarnings, sweepStepsizeWarnings } from '#shared/theory/stepsizes';
import { initialParameters } from '#shared/trainers/init';

const config = (input: RunConfigInput, steps: number): RunConfig =>
  parseRunConfig({ ...input, duration: { kind: 'steps', steps }, checkpoints: { kind: 'even', count: 21 } });

function runToEnd(run: RunConfig) {
  let last: RunCheckpoint | null = null;
  const session = createRunSession(run, (checkpoint) => (last = checkpoint));
  while (session.advance(1_000_000));
  return { outcome: session.outcome(), steps: session.step, last: last as RunCheckpoint | null };
}

const inside = (u: Float64Array) => u.filter((position) => position >= 0 && position <= 1).length;

describe('the Gram trace', () => {
  it('is the trace of the Gram matrix, neurons partly or wholly outside [0, 1] included', () => {
    const eta = 0.05;
    const u = Float64Array.from([-0.2, -0.01, 0.003, 0.3, 0.31, 0.5, 0.99, 1.02, 1.4]);
    const population = new Population(PAPER_TARGET, eta, u.length);
    const n = u.length + 1;
    const G = new Float64Array(n * n);
    population.gram(u, G);
    let trace = 0;
    for (let j = 0; j < n; j++) trace += G[j * n + j];
    expect(population.gramTrace(u)).toBeCloseTo(trace, 12);
    // docs/MODEL.md section 4: a neuron whose ramp lies inside [0, 1] has G_jj = 1 - u_j - 5 eta / 56.
    expect(new Population(PAPER_TARGET, eta, 1).gramTrace(Float64Array.of(0.3))).toBeCloseTo(
      1 + 1 - 0.3 - (5 * eta) / 56,
      12,
    );
  });
});

describe('the outer stepsize h', () => {
  it('at its stable bound makes every step of the weights non-expansive', () => {
    const run = config({ seed: 3 }, 1);
    const limits = stepsizeLimits(run);
    const { u } = initialParameters(run, createRng(run.rng, run.seed));
    const { m, eta } = run.network;
    // One step on the error e of the weights is e - 2 h (phi . e) phi: never longer than e when 2 h |phi|^2 <= 2.
    const rng = createRng('fast', 7);
    const phi = new Float64Array(m + 1);
    for (let k = 0; k < 200; k++) {
      const x = rng.next();
      phi[0] = 1;
      for (let j = 0; j < m; j++) phi[j + 1] = sigma((x - u[j]) / eta);
      const e = Float64Array.from(phi, () => rng.next() - 0.5);
      const dot = phi.reduce((sum, value, j) => sum + value * e[j], 0);
      const after = e.map((value, j) => value - 2 * limits.stableH * dot * phi[j]);
      expect(Math.hypot(...after)).toBeLessThanOrEqual(Math.hypot(...e) * (1 + 1e-12));
    }
    // The largest |phi|^2 is at x = 1; the mean, tr G, is below it, so the stable bound sits under 1 / tr G.
    expect(limits.stableH).toBeLessThan(limits.divergingH);
  });

  it('beyond 1 / tr G diverges at once: the warning names h, and the session guard stops the run', () => {
    for (const seed of [0, 1, 42]) {
      const limits = stepsizeLimits(config({ seed }, 1));
      // Twice 1 / tr G, above the largest divergence point measured (1.56 / tr G, docs/MODEL.md section 7).
      const run = config({ seed, sgd: { h: 2 * limits.divergingH } }, 20_000);
      const [warning, ...others] = stepsizeWarnings(run);
      expect(others).toEqual([]);
      expect(warning).toMatchObject({ field: 'sgd.h', value: run.sgd.h, stable: limits.stableH });
      expect(warning.message).toMatch(
        /^h = \S+ may make the weights diverge: SGD diverges from about h = \S+ \(1\/tr G at this initialisation\); h ≤ \S+ is stable$/,
      );
      const { outcome, steps } = runToEnd(run);
      expect(outcome.status).toBe('diverged');
      expect(outcome.error).toMatch(/^diverged at step \d+: /);
      expect(steps).toBeLessThan(2_000);
    }
  });

  it('just under its stable bound gives no warning and a long run does not diverge', () => {
    for (const seed of [0, 1, 42]) {
      const h = 0.99 * stepsizeLimits(config({ seed }, 1)).stableH;
      const run = config({ seed, sgd: { h } }, 200_000);
      expect(stepsizeWarnings(run)).toEqual([]);
      const { outcome, last } = runToEnd(run);
      expect(outcome.status).toBe('done');
      expect(outcome.steps).toBe(200_000);
      expect(Math.max(...(last as RunCheckpoint).a.map(Math.abs))).toBeLessThan(100);
    }
  });
});

describe('the inner stepsize h epsilon', () => {
  it('has the curvature the limit assumes at a neuron on a jump: 6 Delta^2 / eta exact, 2 Delta^2 / eta box', () => {
    const eta = 4e-3;
    const u = Float64Array.from([0.1, 0.2, 0.3, 0.35, 0.45, 0.5, 0.6, 0.65, 0.8, 0.9]);
    const m = u.length;
    const population = new Population(PAPER_TARGET, eta, m);
    const a = new Float64Array(m + 1);
    population.optimalWeights(u, a);
    const moved = (j: number, by: number) => Float64Array.from(u, (value, k) => (k === j ? value + by : value));
    const exactGradient = (positions: Float64Array, j: number) => {
      const gradU = new Float64Array(m);
      population.gradient(a, positions, new Float64Array(m + 1), gradU);
      return gradU[j];
    };
    // The mean box gradient (2 a_j / eta) int over the ramp of (f* - f), by a fine midpoint rule.
    const boxGradient = (positions: Float64Array, j: number) => {
      const cells = 4000;
      let sum = 0;
      for (let i = 0; i < cells; i++) {
        const x = positions[j] - eta / 2 + ((i + 0.5) * eta) / cells;
        sum += evalTarget(PAPER_TARGET, x) - evalNetwork(a, positions, eta, x);
      }
      return (((2 * a[j + 1]) / eta) * (sum * eta)) / cells;
    };
    // u[1], u[3] and u[5] sit on the jumps at 0.2, 0.35 and 0.5 (sizes 4, -4 and 2), their weights close to those sizes.
    for (const j of [1, 3, 5]) {
      const d = 1e-6;
      const weight = a[j + 1];
      const exact = (exactGradient(moved(j, d), j) - exactGradient(moved(j, -d), j)) / (2 * d);
      const box = (boxGradient(moved(j, d), j) - boxGradient(moved(j, -d), j)) / (2 * d);
      expect(exact / ((6 * weight * weight) / eta)).toBeCloseTo(1, 1);
      expect(box / ((2 * weight * weight) / eta)).toBeCloseTo(1, 1);
    }
  });

  it('beyond its limit throws the neurons out of [0, 1]; at the suggested epsilon they stay', () => {
    for (const seed of [0, 1, 42]) {
      // h epsilon = 1e-3, four times the box limit eta / Delta^2 = 2.5e-4 of the paper's target.
      const run = config({ seed, sgd: { h: 1e-3, epsilon: 1 } }, 20_000);
      const [warning, ...others] = stepsizeWarnings(run);
      expect(others).toEqual([]);
      expect(warning).toMatchObject({ field: 'sgd.epsilon', value: 1 });
      expect(stepsizeLimits(run).innerLimit).toBeCloseTo(2.5e-4, 12);
      expect(warning.stable).toBeCloseTo(0.025, 12);
      expect(warning.message).toContain('ε ≤ 0.025 is stable');
      const thrown = runToEnd(run);
      expect(thrown.outcome.status).toBe('done');
      expect(inside((thrown.last as RunCheckpoint).u)).toBeLessThan(10);

      const calm = config({ seed, sgd: { h: 1e-3, epsilon: warning.stable } }, 20_000);
      expect(stepsizeWarnings(calm)).toEqual([]);
      expect(inside((runToEnd(calm).last as RunCheckpoint).u)).toBeGreaterThanOrEqual(17);
    }
  });

  it('is three times tighter with the exact gradient, and absent without jumps or for other trainers', () => {
    const box = stepsizeLimits(config({}, 1)).innerLimit;
    expect(stepsizeLimits(config({ sgd: { uGradient: 'exact' } }, 1)).innerLimit).toBeCloseTo(box / 3, 15);
    expect(stepsizeLimits(config({ target: { positions: [], values: [2] } }, 1)).innerLimit).toBe(Infinity);
    expect(stepsizeWarnings(config({ trainer: 'varpro', sgd: { h: 10, epsilon: 10 } }, 1))).toEqual([]);
  });
});

describe('the presets and sweeps', () => {
  it('warn on no paper configuration, and count the runs of a sweep each field concerns', () => {
    for (const input of [
      { sgd: { h: 1e-5, epsilon: 2e-5 } },
      { sgd: { h: 1e-3, epsilon: 2e-5 } },
      { sgd: { h: 1e-5, epsilon: 1 } },
    ]) {
      expect(stepsizeWarnings(config(input, 1))).toEqual([]);
    }
    const spec = parseSweepSpec({
      name: 'h',
      base: { sgd: { h: 1e-3 }, duration: { kind: 'steps', steps: 10 } },
      axes: [
        { path: 'sgd.h', values: [1e-3, 0.5] },
        { path: 'sgd.epsilon', values: [2e-5, 1] },
      ],
      seeds: [0, 1, 2],
    });
    const warnings = sweepStepsizeWarnings(spec);
    expect(warnings.map(({ field, runs, total }) => ({ field, runs, total }))).toEqual([
      { field: 'sgd.epsilon', runs: 6, total: 12 },
      { field: 'sgd.h', runs: 6, total: 12 },
    ]);
    expect(warnings[0].first.label).toBe('sgd.h=0.001, sgd.epsilon=1, seed=0');
  });
});
