/** Hand-made experiment runs for the checks: a configuration from a preset, the final loss and positions chosen. */
import type { CoverageEntry } from '#shared/api/contract';
import { findPreset } from '#shared/config/presets';
import type { RunConfig } from '#shared/config/schema';
import { coverage } from '#shared/math/coverage';
import type { ExperimentRun } from '../../src-main/reproduce/types';

export function presetBase(name: string): RunConfig {
  const preset = findPreset(name);
  if (!preset) throw new Error(`no preset ${name}`);
  return preset.kind === 'run' ? preset.config : preset.sweep.base;
}

/** Positions with neuron m-1-i at `offsets[i]` eta from jump i, the others in [0, 0.1), far from every jump. */
export function positionsNearJumps(config: RunConfig, offsets: readonly number[]): Float64Array {
  const { m, eta } = config.network;
  const u = Float64Array.from({ length: m }, (_, j) => (0.1 * j) / m);
  offsets.forEach((offset, i) => (u[m - 1 - i] = config.target.positions[i] + offset * eta));
  return u;
}

let counter = 0;

export interface SyntheticRun {
  config: RunConfig;
  finalLoss: number | null;
  finalU?: Float64Array;
  params?: Record<string, unknown>;
  status?: ExperimentRun['status'];
  /** The loss at each evaluation (default: the final loss alone). */
  loss?: Float64Array;
  limitLoss?: Float64Array | null;
}

/** A run whose coverage is computed from its final positions, like a stored run's. */
export function syntheticRun(input: SyntheticRun): ExperimentRun {
  const finalU = input.finalU ?? new Float64Array(input.config.network.m);
  const oneDimensional = input.config.trainer !== 'full-batch';
  const entries: CoverageEntry[] = oneDimensional
    ? coverage(input.config.target, finalU, input.config.network.eta)
    : [];
  return {
    runId: `synthetic-${++counter}`,
    params: input.params ?? { seed: counter },
    config: input.config,
    status: input.status ?? 'done',
    finalLoss: input.finalLoss,
    coverage: entries,
    loss: input.loss ?? Float64Array.of(input.finalLoss ?? NaN),
    limitLoss: input.limitLoss ?? null,
    finalU,
  };
}

/** Every jump covered (0.1 eta off) or, with `uncovered`, jump `uncovered` 3 eta away from its nearest neuron. */
export function sgdRun(
  config: RunConfig,
  finalLoss: number,
  uncovered?: number,
  params?: Record<string, unknown>,
): ExperimentRun {
  const offsets = config.target.positions.map((_, i) => (i === uncovered ? 3 : 0.1));
  return syntheticRun({ config, finalLoss, finalU: positionsNearJumps(config, offsets), params });
}
