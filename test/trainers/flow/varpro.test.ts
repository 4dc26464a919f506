/** The exact outer solve on the paper config: monotone descent to the floor (docs/MODEL.md section 5). */
import { describe, expect, it } from 'vitest';
import { coveredCount } from '#shared/math/coverage';
import { Population } from '#shared/math/population';
import { lossFloor } from '#shared/math/target';
import { VarproTrainer } from '#shared/trainers/varpro';
import { expectResumesBitForBit, paperConfig, seed42 } from './paperConfig';

describe('VarproTrainer', () => {
  it('starts from the sorted seed-42 numpy draws', () => {
    const trainer = new VarproTrainer(paperConfig({ trainer: 'varpro' }), seed42());
    const u = Array.from(trainer.state.u);
    for (const first of [0.3745401188473625, 0.9507143064099162, 0.7319939418114051]) expect(u).toContain(first);
    expect(u).toEqual([...u].sort((x, y) => x - y));
  });

  it('decreases L(a*(u), u) monotonically to about 0.00797 by tau = 0.035 on the paper config', () => {
    const config = paperConfig({ trainer: 'varpro' });
    const trainer = new VarproTrainer(config, seed42());
    const population = new Population(config.target, config.network.eta, config.network.m);
    const aStar = new Float64Array(config.network.m + 1);
    let previous = trainer.loss();
    expect(previous).toBeGreaterThan(0.5);
    while (trainer.step(1) > 0) {
      const loss = trainer.loss();
      expect(loss).toBeLessThanOrEqual(previous);
      previous = loss;
    }
    expect(trainer.state.step).toBe(config.ode.steps);
    expect(trainer.state.tau).toBeCloseTo(0.035, 15);
    expect(previous).toBeGreaterThanOrEqual(0.0078);
    expect(previous).toBeLessThanOrEqual(0.0082);
    // Within 1% of the one-neuron-per-jump floor eta sum Delta^2 / 28 = 0.008 (optimal weights do slightly better).
    expect(Math.abs(previous / lossFloor(config.target, config.network.eta) - 1)).toBeLessThan(0.01);
    expect(coveredCount(config.target, trainer.state.u, config.network.eta)).toBe(5);
    // state.a is the fast solution at the final positions.
    population.optimalWeights(trainer.state.u, aStar);
    expect(Array.from(trainer.state.a)).toEqual(Array.from(aStar));
  });

  it('continues bit for bit after snapshot and restore', () => {
    const config = paperConfig({ trainer: 'varpro', ode: { steps: 40 } });
    expectResumesBitForBit(() => new VarproTrainer(config, seed42()), 15, 10);
  });
});
