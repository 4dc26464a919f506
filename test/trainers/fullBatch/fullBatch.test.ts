/** Full-batch GD (docs/MODEL.md section 5): gradient, descent, determinism, resume, and the two-timescale advantage. */
import { describe, expect, it } from 'vitest';
import { sigma } from '#shared/math/activation';
import { Mt19937 } from '#shared/rng/mt19937';
import { FullBatchTrainer } from '#shared/trainers/fullBatch';
import { fullBatchConfig } from './helpers';

const problems = [
  { problem: 'additive', d: 2 },
  { problem: 'relu', d: 1 },
] as const;

describe.each(problems)('the $problem problem (d = $d)', ({ problem, d }) => {
  const config = (lrU: number, epochs = 400, n = 300) => fullBatchConfig({ problem, d, n, lrA: 1, lrU, epochs }, 3);

  it('steps along minus the gradient of ||prediction - y|| / n (central differences)', () => {
    const trainer = new FullBatchTrainer(config(1), new Mt19937(3));
    trainer.step(40); // away from the init, with units inside [0, 1]
    const before = trainer.snapshot();
    const lossAt = (name: 'a' | 'u', index: number, shift: number): number => {
      const moved = structuredClone(before);
      moved[name][index] += shift;
      trainer.restore(moved);
      return trainer.loss();
    };
    trainer.step(1); // learning rates 1: the step is minus the gradient itself
    const after = trainer.snapshot();
    // sigma is only C^1 (its second derivative jumps where a point enters a unit's window), so central differences
    // are only first-order accurate when a point lies within h of such an edge: 1e-4 relative leaves room for that.
    const h = 1e-6;
    for (const name of ['a', 'u'] as const) {
      for (let index = 0; index < before[name].length; index++) {
        const gradient = before[name][index] - after[name][index];
        const difference = (lossAt(name, index, h) - lossAt(name, index, -h)) / (2 * h);
        expect(Math.abs(gradient - difference), `${name}[${index}]: ${gradient} vs ${difference}`).toBeLessThan(
          1e-4 * Math.abs(difference) + 1e-9,
        );
      }
    }
  });

  it('lowers the criterion and keeps tau = epoch * lrU', () => {
    const trainer = new FullBatchTrainer(config(0.01), new Mt19937(3));
    const initial = trainer.loss();
    expect(trainer.step(1000)).toBe(400);
    expect(trainer.state.step).toBe(400);
    expect(trainer.state.tau).toBeCloseTo(4, 12);
    expect(trainer.loss()).toBeLessThan(initial / 3);
  });

  it('is deterministic and resumes bit for bit from a snapshot', () => {
    const first = new FullBatchTrainer(config(0.5), new Mt19937(11));
    const second = new FullBatchTrainer(config(0.5), new Mt19937(11));
    first.step(100);
    const snapshot = structuredClone(first.snapshot());
    first.step(100);
    second.restore(snapshot);
    second.step(100);
    expect(Array.from(second.state.a)).toEqual(Array.from(first.state.a));
    expect(Array.from(second.state.u)).toEqual(Array.from(first.state.u));
    expect(second.loss()).toBe(first.loss());
  });
});

describe('the model and the data', () => {
  it('predicts sum_jk a_jk sigma_eta(x_k - u_jk): with every unit far left of the data, the fit is sum a', () => {
    const config = fullBatchConfig({ problem: 'additive', d: 3, n: 50, lrA: 1, lrU: 1, epochs: 1 });
    const trainer = new FullBatchTrainer(config, new Mt19937(5));
    expect(trainer.state.a.length).toBe(30);
    // draw order: 30 positions, 30 weights (3 U[0,1]), then the 150 coordinates
    const rng = new Mt19937(5);
    const drawn = Array.from({ length: 60 }, () => rng.next());
    expect(Array.from(trainer.state.u)).toEqual(drawn.slice(0, 30));
    expect(Array.from(trainer.state.a)).toEqual(drawn.slice(30).map((r) => 3 * r));
    const x = Array.from({ length: 150 }, () => rng.next());
    const snapshot = trainer.snapshot();
    snapshot.u.fill(-1);
    trainer.restore(snapshot);
    const fit = snapshot.a.reduce((sum, value) => sum + value, 0);
    let squares = 0;
    for (let i = 0; i < 50; i++) {
      let label = 0;
      for (let k = 0; k < 3; k++) label += [0.3, 0.5, 0.7].filter((t) => x[k * 50 + i] > t).length;
      squares += (fit - label) ** 2;
    }
    expect(trainer.loss()).toBeCloseTo(Math.sqrt(squares) / 50, 12);
    // one unit inside the data: the smoothed step itself
    snapshot.u[0] = 0.4;
    trainer.restore(snapshot);
    squares = 0;
    for (let i = 0; i < 50; i++) {
      let label = 0;
      for (let k = 0; k < 3; k++) label += [0.3, 0.5, 0.7].filter((t) => x[k * 50 + i] > t).length;
      const prediction = fit - snapshot.a[0] + snapshot.a[0] * sigma((x[i] - 0.4) / 0.01);
      squares += (prediction - label) ** 2;
    }
    expect(trainer.loss()).toBeCloseTo(Math.sqrt(squares) / 50, 12);
  });

  it('refuses a multi-dimensional ReLU problem', () => {
    expect(() => new FullBatchTrainer(fullBatchConfig({ problem: 'relu', d: 2 }), new Mt19937(0))).toThrow(
      /one-dimensional/,
    );
  });
});

describe('two timescales beat equal learning rates on the 2-D problem', () => {
  it('for most seeds, even with two fifths of the epochs', () => {
    // Paper: 20 seeds, n = 1000, standard lr 1 for 300 epochs (median 0.014) against lr_u = 0.01 for 5000 epochs (median
    // 0.004). To stay quick the two-timescale runs stop at 2000 epochs (tau = 20); measured over 16 seeds they already
    // end lower than the standard run of the same seed 14 times (5000 epochs also give 14), medians 0.0041 vs 0.012
    // (at 1000 epochs several seeds are still near 0.01). Requiring 8 of 12 wins and half the median leaves room for
    // any reasonable change in the draws while still failing if the positions' learning rate were ignored.
    const seeds = Array.from({ length: 12 }, (_, seed) => seed);
    const finalLoss = (lrU: number, epochs: number, seed: number): number => {
      const trainer = new FullBatchTrainer(
        fullBatchConfig({ problem: 'additive', d: 2, n: 1000, lrA: 1, lrU, epochs }, seed),
        new Mt19937(seed),
      );
      trainer.step(epochs);
      return trainer.loss();
    };
    const standard = seeds.map((seed) => finalLoss(1, 300, seed));
    const twoTimescale = seeds.map((seed) => finalLoss(0.01, 2000, seed));
    const median = (values: number[]) => values.slice().sort((x, y) => x - y)[values.length >> 1];
    expect(twoTimescale.filter((loss, s) => loss < standard[s]).length).toBeGreaterThanOrEqual(8);
    expect(median(twoTimescale)).toBeLessThan(0.5 * median(standard));
  });
});
