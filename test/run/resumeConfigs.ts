/** Short configurations of every trainer kind (both SGD engines, both generators), shared by the resume tests. */
import { parseRunConfig, type RunConfig } from '#shared/config/schema';
import type { RunCheckpoint } from '#shared/run/types';
import { compareCheckpoints } from '#shared/run/verify';

const sgd = (m: number, rng: 'numpy' | 'fast', steps: number) =>
  parseRunConfig({
    trainer: 'sgd',
    network: { m },
    sgd: { h: 1e-3, epsilon: 0.5, limitBeside: true },
    duration: { kind: 'steps', steps },
    checkpoints: { count: 41 },
    rng,
    seed: 42,
  });

/**
 * Label, configuration. `long`: sizes for the SIGKILL test, each run longer than ten of its trainer process's first
 * segments can get through (a process's chunks start at one step and grow at most 4x each, so k messages cover at
 * most about 4^k steps): every planned kill lands before the run ends, however fast the machine.
 */
export function resumeCases(long = false): Array<[string, RunConfig]> {
  const size = (short: number, killed: number) => (long ? killed : short);
  return [
    ['SGD, dense engine, numpy generator', sgd(20, 'numpy', size(400_000, 1_200_000))],
    ['SGD, dense engine, fast generator', sgd(20, 'fast', size(400_000, 1_200_000))],
    ['SGD, tree engine, numpy generator', sgd(100, 'numpy', size(200_000, 600_000))],
    ['SGD, tree engine, fast generator', sgd(100, 'fast', size(200_000, 600_000))],
    [
      'two-timescale limit',
      parseRunConfig({
        trainer: 'limit',
        seed: 42,
        duration: { kind: 'tau', tauMax: 0.035 },
        ode: { steps: size(3000, 40_000) },
        checkpoints: { count: 31 },
      }),
    ],
    [
      'population gradient flow',
      parseRunConfig({
        trainer: 'gradient-flow',
        seed: 42,
        network: { m: 10 },
        sgd: { epsilon: 0.1 },
        duration: { kind: 'tau', tauMax: 0.01 },
        ode: { steps: size(60, 1500) },
        checkpoints: { count: 31 },
      }),
    ],
    [
      'exact outer solve',
      parseRunConfig({
        trainer: 'varpro',
        seed: 42,
        network: { m: 10 },
        duration: { kind: 'tau', tauMax: 0.02 },
        ode: { steps: size(60, 4000) },
        checkpoints: { count: 31 },
      }),
    ],
    [
      'full-batch GD',
      parseRunConfig({
        trainer: 'full-batch',
        seed: 7,
        network: { m: 10, eta: 0.01 },
        fullBatch: { d: 2, n: 300, epochs: size(300, 8000) },
        checkpoints: { count: 31 },
      }),
    ],
  ];
}

/** The first checkpoint that differs bit for bit (compareCheckpoints, as verify uses it), described; or null. */
export function firstDifference(expected: readonly RunCheckpoint[], actual: readonly RunCheckpoint[]): string | null {
  if (expected.length !== actual.length) return `${actual.length} checkpoints instead of ${expected.length}`;
  for (let i = 0; i < expected.length; i++) {
    const difference = compareCheckpoints(i, expected[i], actual[i]);
    if (difference)
      return `checkpoint ${i} (step ${difference.step}): ${difference.metric} ${difference.replayed} instead of ${difference.stored}`;
  }
  return null;
}

/** A small deterministic generator for a test's own choices (chunk sizes, stop and kill moments). */
export function choices(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
