import { describe, expect, it } from 'vitest';
import { Population } from '#shared/math/population';
import { Mt19937, createRng } from '#shared/rng';
import { SgdTrainer, TREE_ENGINE_MIN_NEURONS, type SgdEngineKind } from '#shared/trainers/sgd';
import { closeTo, loadReferenceCases, type FixtureTarget } from '../../fixtures';
import { maxRelativeGap, referenceRun, sgdConfig, stochasticGradients } from './helpers';

const ENGINES: SgdEngineKind[] = ['dense', 'tree'];

/** Indices of u from leftmost to rightmost: it changes when two neurons cross. */
const sortedOrder = (u: Float64Array) => Array.from(u.keys()).sort((i, j) => u[i] - u[j]);

interface TrajectoryCase {
  target: FixtureTarget;
  eta: number;
  h: number;
  epsilon: number;
  u0: number[];
  a0: number[];
  samples: Array<[number, number]>;
  a_final: number[];
  u_final: number[];
}

describe.each(ENGINES)('SgdTrainer, %s engine', (engine) => {
  it("replays the authors' trajectories sample by sample (fixture section sgd_trajectory)", () => {
    const cases = loadReferenceCases().sgd_trajectory as unknown as TrajectoryCase[];
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const config = sgdConfig({
        target: c.target,
        network: { m: c.u0.length, eta: c.eta, positions: { kind: 'list', u: c.u0 } },
        sgd: { h: c.h, epsilon: c.epsilon },
        duration: { kind: 'steps', steps: c.samples.length },
      });
      const trainer = new SgdTrainer(config, createRng('numpy', 0), engine);
      trainer.restore({
        ...trainer.snapshot(),
        a: Float64Array.from(c.a0),
        u: Float64Array.from(c.u0),
        extra: undefined,
      });
      for (const [x, xi] of c.samples) trainer.applySample(x, xi);
      expect(trainer.state.step).toBe(c.samples.length);
      // These large steps amplify rounding: in the third case, moving one u0 by 1e-15 moves the end point by 4e-8
      // even in the plain reference loop, so the check allows 1e-6 (the first two cases agree to 1e-12).
      c.a_final.forEach((a, j) => expect(closeTo(trainer.state.a[j], a, 1e-6, 1e-9), `a[${j}]`).toBe(true));
      c.u_final.forEach((u, j) => expect(closeTo(trainer.state.u[j], u, 1e-6, 1e-9), `u[${j}]`).toBe(true));
    }
  });

  it.each([
    ['numpy', 'box', 4000],
    ['numpy', 'exact', 300],
    ['fast', 'box', 4000],
    ['fast', 'exact', 300],
  ] as const)('follows the plain reference loop (%s generator, %s gradient, %i steps)', (rng, uGradient, steps) => {
    // wide transitions and large steps: many neurons in transition, and neurons cross each other. With the exact
    // derivative these dynamics amplify rounding (1e-14 grows to 1e-1 within 4000 steps), hence the shorter run.
    const config = sgdConfig({
      network: { m: 40, eta: 0.05 },
      sgd: { h: 0.005, epsilon: 0.1, uGradient },
      seed: 11,
      rng,
    });
    const trainer = new SgdTrainer(config, createRng(rng, config.seed), engine);
    const order = sortedOrder(trainer.state.u);
    trainer.step(steps);
    const expected = referenceRun(config, steps);
    expect(maxRelativeGap(trainer.state.a, expected.a)).toBeLessThan(1e-11);
    expect(maxRelativeGap(trainer.state.u, expected.u)).toBeLessThan(1e-11);
    expect(sortedOrder(trainer.state.u)).not.toEqual(order);
  });

  it('handles edge samples like the reference: x = 0 (the bias in its window, still fixed), x on a jump, on a window edge', () => {
    const config = sgdConfig({
      network: { m: 12, eta: 0.05, positions: { kind: 'even' } },
      sgd: { h: 0.05, epsilon: 0.5 },
    });
    const trainer = new SgdTrainer(config, createRng('numpy', 1), engine);
    const a = trainer.state.a.slice();
    const u = trainer.state.u.slice();
    const gradA = new Float64Array(a.length);
    const gradU = new Float64Array(u.length);
    const samples: Array<[number, number]> = [
      [0.5, 0.3],
      [0, 0.7],
      [0.2, -0.4],
      [u[3] + 0.025, 0.1],
      [u[5] - 0.025, -0.9],
      [0, 1],
      [0.999999, 0.2],
    ];
    for (const [x, xi] of samples) {
      trainer.applySample(x, xi);
      stochasticGradients(config.target, a, u, 0.05, x, xi, gradA, gradU, 'box');
      for (let j = 0; j < a.length; j++) a[j] -= 0.05 * gradA[j];
      for (let j = 0; j < u.length; j++) u[j] -= 0.05 * 0.5 * gradU[j];
      expect(maxRelativeGap(trainer.state.a, a)).toBeLessThan(1e-14);
      expect(maxRelativeGap(trainer.state.u, u)).toBeLessThan(1e-14);
    }
  });

  it('resumes bit for bit: run(2N) equals run(N), snapshot, restore into a new trainer, run(N)', () => {
    const config = sgdConfig({ network: { m: 300, eta: 0.02 }, sgd: { h: 1e-3, epsilon: 0.5 }, seed: 5 });
    const whole = new SgdTrainer(config, createRng('numpy', 5), engine);
    whole.step(3000);
    whole.step(3001);
    const first = new SgdTrainer(config, createRng('numpy', 5), engine);
    first.step(3000);
    const snapshot = structuredClone(first.snapshot());
    const resumed = new SgdTrainer(config, createRng('numpy', 99), engine);
    resumed.restore(snapshot);
    resumed.step(3001);
    expect(resumed.state.step).toBe(6001);
    expect(Array.from(resumed.state.a)).toEqual(Array.from(whole.state.a));
    expect(Array.from(resumed.state.u)).toEqual(Array.from(whole.state.u));
    expect(resumed.snapshot().rng).toEqual(whole.snapshot().rng);
  });

  it('steps in any chunking give the same run, and stop at the configured number of steps', () => {
    const config = sgdConfig({
      network: { m: 30, eta: 0.03 },
      sgd: { h: 0.01, epsilon: 0.1 },
      duration: { kind: 'steps', steps: 2500 },
    });
    const once = new SgdTrainer(config, createRng('fast', 42), engine);
    expect(once.step(10_000)).toBe(2500);
    expect(once.step(1)).toBe(0);
    const pieces = new SgdTrainer(config, createRng('fast', 42), engine);
    for (const n of [1, 511, 512, 513, 700, 263]) pieces.step(n);
    expect(pieces.state.step).toBe(2500);
    expect(pieces.state.tau).toBe(2500 * 0.01 * 0.1);
    expect(Array.from(pieces.state.a)).toEqual(Array.from(once.state.a));
    expect(Array.from(pieces.state.u)).toEqual(Array.from(once.state.u));
  });
});

describe('SgdTrainer', () => {
  it("starts from the authors' init: a = 0 and the first m numpy draws, sorted", () => {
    const config = sgdConfig({ seed: 42 });
    const trainer = new SgdTrainer(config, createRng('numpy', 42));
    const numpy = new Mt19937(42);
    const draws = Float64Array.from({ length: 20 }, () => numpy.next()).sort();
    expect(Array.from(trainer.state.u)).toEqual(Array.from(draws));
    expect(trainer.state.a.every((a) => a === 0)).toBe(true);
    expect(trainer.state.tau).toBe(0);
  });

  it('the dense and tree engines agree on a wide network over a long run', () => {
    // 2 h m stays below 1: a larger outer step makes f overshoot on every sample and the run amplifies rounding
    const config = sgdConfig({ network: { m: 2000, eta: 4e-3 }, sgd: { h: 1e-4, epsilon: 1 }, seed: 3 });
    const dense = new SgdTrainer(config, createRng('numpy', 3), 'dense');
    const tree = new SgdTrainer(config, createRng('numpy', 3), 'tree');
    const order = sortedOrder(dense.state.u);
    dense.step(60_000);
    tree.step(60_000);
    expect(sortedOrder(dense.state.u)).not.toEqual(order);
    expect(maxRelativeGap(tree.state.a, dense.state.a)).toBeLessThan(1e-11);
    expect(maxRelativeGap(tree.state.u, dense.state.u)).toBeLessThan(1e-11);
    expect(closeTo(tree.loss(), dense.loss())).toBe(true);
  });

  it('picks the tree engine for wide networks, with the same results as the reference loop', () => {
    const config = sgdConfig({
      network: { m: TREE_ENGINE_MIN_NEURONS + 44, eta: 0.01 },
      sgd: { h: 5e-4, epsilon: 1 },
      seed: 8,
    });
    const automatic = new SgdTrainer(config, createRng('numpy', 8));
    const tree = new SgdTrainer(config, createRng('numpy', 8), 'tree');
    automatic.step(5000);
    tree.step(5000);
    expect(Array.from(automatic.state.a)).toEqual(Array.from(tree.state.a));
    const expected = referenceRun(config, 5000);
    expect(maxRelativeGap(automatic.state.a, expected.a)).toBeLessThan(1e-9);
    expect(maxRelativeGap(automatic.state.u, expected.u)).toBeLessThan(1e-9);
  });

  it('box and exact variants differ, and only in how u moves', () => {
    const box = sgdConfig({ network: { m: 20, eta: 0.05 }, sgd: { h: 0.01, epsilon: 1, uGradient: 'box' } });
    const exact = sgdConfig({ network: { m: 20, eta: 0.05 }, sgd: { h: 0.01, epsilon: 1, uGradient: 'exact' } });
    const a = new SgdTrainer(box, createRng('numpy', 42));
    const b = new SgdTrainer(exact, createRng('numpy', 42));
    a.step(1);
    b.step(1);
    // a single step from a = 0 leaves u still (g_j is proportional to a_j) and moves a identically
    expect(Array.from(a.state.a)).toEqual(Array.from(b.state.a));
    expect(Array.from(a.state.u)).toEqual(Array.from(b.state.u));
    a.step(2000);
    b.step(2000);
    expect(maxRelativeGap(a.state.u, b.state.u)).toBeGreaterThan(1e-6);
  });

  it('loss() is the exact population loss of the current parameters', () => {
    const config = sgdConfig({ network: { m: 20, eta: 4e-3 }, sgd: { h: 1e-3, epsilon: 2e-5 } });
    const trainer = new SgdTrainer(config, createRng('numpy', 42));
    trainer.step(20_000);
    const { a, u } = trainer.state;
    expect(trainer.loss()).toBe(new Population(config.target, 4e-3, 20).loss(a, u));
    // from a = 0 the loss starts at int f*^2 = 10.6 and falls as the weights fit the target
    expect(trainer.loss()).toBeLessThan(10.6);
  });

  it('refuses a snapshot of another trainer', () => {
    const trainer = new SgdTrainer(sgdConfig(), createRng('numpy', 42));
    expect(() => trainer.restore({ ...trainer.snapshot(), kind: 'full-batch' })).toThrow(
      /not a snapshot of an SGD run/,
    );
  });
});
