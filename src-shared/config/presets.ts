/**
 * Named presets for every experiment of docs/MODEL.md section 6. A preset is either one run or a sweep.
 */
import {
  PAPER_TARGET,
  parseRunConfig,
  parseSweepSpec,
  type RunConfig,
  type RunConfigInput,
  type SweepSpec,
  type SweepSpecInput,
} from './schema';

export type Preset =
  | { name: string; description: string; kind: 'run'; config: RunConfig }
  | { name: string; description: string; kind: 'sweep'; sweep: SweepSpec };

/** The paper's network and data: paper target, m = 20, eta = 4e-3, noise 1, seed 42, numpy generator. */
const paperSgd = (sgd: RunConfigInput['sgd'], tauMax: number): RunConfigInput => ({
  trainer: 'sgd',
  target: PAPER_TARGET,
  network: { m: 20, eta: 4e-3 },
  sgd: { noise: 1, uGradient: 'box', ...sgd },
  duration: { kind: 'tau', tauMax },
  checkpoints: { kind: 'even', count: 101 },
  seed: 42,
  rng: 'numpy',
});

const twentySeeds = Array.from({ length: 20 }, (_, i) => i);

/** Section 5: full-batch GD, standard (lr 1 for both layers, 300 epochs) against two-timescale (lr_u = 0.01, 5000 epochs). */
const fullBatchSweep = (name: string, fullBatch: RunConfigInput['fullBatch']): SweepSpecInput => ({
  name,
  base: {
    trainer: 'full-batch',
    network: { m: 10, eta: 0.01, weights: { kind: 'uniform', scale: 3 } },
    fullBatch: { lrA: 1, ...fullBatch },
    checkpoints: { kind: 'log', count: 60 },
    rng: 'fast',
  },
  variants: [
    { label: 'standard', set: { 'fullBatch.lrU': 1, 'fullBatch.epochs': 300 } },
    { label: 'two-timescale', set: { 'fullBatch.lrU': 0.01, 'fullBatch.epochs': 5000 } },
  ],
  axes: [],
  seeds: twentySeeds,
});

const runPresets: Array<{ name: string; description: string; config: RunConfigInput }> = [
  {
    name: 'paper-two-timescale',
    description:
      'Figs 3-4: h = 1e-5, epsilon = 2e-5, 175 M steps; SGD tracks the limit and every jump gets a neuron (L ≈ 0.008).',
    config: { ...paperSgd({ h: 1e-5, epsilon: 2e-5, limitBeside: true }, 0.035) },
  },
  {
    name: 'paper-two-timescale-quick',
    description:
      'Figs 3-4 at h = 1e-3 (1.75 M steps): still converges for most seeds, median L ≈ 0.011, in about a second.',
    config: { ...paperSgd({ h: 1e-3, epsilon: 2e-5, limitBeside: true }, 0.035) },
  },
  {
    name: 'paper-same-stepsizes',
    description: 'Fig 5: equal stepsizes (epsilon = 1); SGD gets stuck with the jump at 0.5 left uncovered (L ≈ 0.46).',
    config: { ...paperSgd({ h: 1e-5, epsilon: 1 }, 10) },
  },
  {
    name: 'paper-limit-ode',
    description:
      'The two-timescale limit alone (epsilon, eta -> 0): flanking neurons slide onto the jumps, loss reaches 0.',
    config: { ...paperSgd({ h: 1e-5, epsilon: 2e-5 }, 0.035), trainer: 'limit' },
  },
  {
    name: 'paper-varpro',
    description: 'Exact outer solve at eta = 4e-3 (epsilon = 0): L(a*(u), u) decreases monotonically to about 0.00797.',
    config: {
      ...paperSgd({ h: 1e-5, epsilon: 2e-5 }, 0.035),
      trainer: 'varpro',
      checkpoints: { kind: 'even', count: 101 },
    },
  },
];

const sweepPresets: Array<{ name: string; description: string; sweep: SweepSpecInput }> = [
  {
    name: 'paper-varying-epsilon',
    description:
      'Varying epsilon in {0.01, 0.1, 1} over 20 seeds at tau = 3: the final loss grows with epsilon (0.0099 / 0.023 / 0.67).',
    sweep: {
      name: 'paper-varying-epsilon',
      base: paperSgd({ h: 1e-5, epsilon: 0.01 }, 3),
      axes: [{ path: 'sgd.epsilon', values: [0.01, 0.1, 1] }],
      seeds: twentySeeds,
    },
  },
  {
    name: 'paper-2d',
    description:
      'Fig 6, 2-D additive steps: two-timescale full-batch GD reaches ≈ 0.004 against 0.014 for standard GD.',
    sweep: fullBatchSweep('paper-2d', { problem: 'additive', d: 2, n: 1000 }),
  },
  {
    name: 'paper-10d',
    description: '10-D additive steps: two-timescale ≈ 0.005 against 0.013 for standard GD.',
    sweep: fullBatchSweep('paper-10d', { problem: 'additive', d: 10, n: 10000 }),
  },
  {
    name: 'paper-relu',
    description: 'ReLU teacher and student: two-timescale ≈ 0.00037 against 0.0015 for standard GD.',
    sweep: fullBatchSweep('paper-relu', { problem: 'relu', d: 1, n: 1000 }),
  },
];

export const presets: readonly Preset[] = [
  ...runPresets.map((p) => ({
    name: p.name,
    description: p.description,
    kind: 'run' as const,
    config: parseRunConfig(p.config),
  })),
  ...sweepPresets.map((p) => ({
    name: p.name,
    description: p.description,
    kind: 'sweep' as const,
    sweep: parseSweepSpec(p.sweep),
  })),
];

export const presetNames = presets.map((p) => p.name);

export function findPreset(name: string): Preset | undefined {
  return presets.find((p) => p.name === name);
}
