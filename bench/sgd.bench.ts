/**
 * SGD speed: ns per step at the paper's configuration (m = 20, numpy and fast generators) and steps per second at
 * m = 10,000 (the Fenwick-tree engine). Times are process CPU time, best of a few repeats, so that other processes on
 * the machine disturb them less.
 */
import { parseRunConfig, type RunConfigInput } from '#shared/config/schema';
import { createRng } from '#shared/rng';
import { SgdTrainer } from '#shared/trainers/sgd';
import type { Figure } from './run';

const paper = (m: number, rng: 'numpy' | 'fast'): RunConfigInput => ({
  trainer: 'sgd',
  network: { m, eta: 4e-3 },
  sgd: { h: 1e-5, epsilon: 2e-5, noise: 1 },
  duration: { kind: 'steps', steps: 2_000_000_000 },
  seed: 42,
  rng,
});

/** Best CPU seconds per step over `repeats` runs of `steps` steps, after one warm-up run. */
function secondsPerStep(input: RunConfigInput, steps: number, repeats: number): number {
  const config = parseRunConfig(input);
  const trainer = new SgdTrainer(config, createRng(config.rng, config.seed));
  trainer.step(steps);
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const started = process.cpuUsage();
    trainer.step(steps);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1e6 / steps);
  }
  if (!Number.isFinite(trainer.loss())) throw new Error('the benchmark run diverged');
  return best;
}

export async function run(): Promise<Figure[]> {
  const numpy = secondsPerStep(paper(20, 'numpy'), 5_000_000, 5);
  const fast = secondsPerStep(paper(20, 'fast'), 5_000_000, 5);
  const wide = secondsPerStep(paper(10_000, 'numpy'), 500_000, 3);
  return [
    {
      name: 'sgd m=20 numpy generator',
      value: Number((numpy * 1e9).toFixed(1)),
      unit: 'ns/step',
      target: '<= 55 ns/step',
    },
    { name: 'sgd m=20 fast generator', value: Number((fast * 1e9).toFixed(1)), unit: 'ns/step' },
    {
      name: 'sgd m=10000 steps per second',
      value: Math.round(1 / wide),
      unit: 'steps/s',
      target: '>= 1,000,000 steps/s',
    },
  ];
}
