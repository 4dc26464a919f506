/** Deterministic checkpoint series for chart tests (smooth made-up trajectories, no generator needed). */
import type { CheckpointSeries } from '#shared/api/contract';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '#shared/config/schema';
import { packCheckpoints } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';

export interface SyntheticOptions {
  m: number;
  count: number;
  /** limitLoss(i): limit loss at checkpoint i, or omit for a run without the limit. */
  limitLoss?: (i: number) => number;
}

export function syntheticSeries({ m, count, limitLoss }: SyntheticOptions): CheckpointSeries {
  const checkpoints: RunCheckpoint[] = Array.from({ length: count }, (_, i) => ({
    step: i * 1000,
    tau: i * 1e-3,
    loss: 0.5 * Math.exp(-i / 10) + 0.008,
    limitLoss: limitLoss ? limitLoss(i) : null,
    covered: Math.min(5, Math.floor(i / 10)),
    a: Float64Array.from({ length: m + 1 }, (_, j) => Math.cos(j + i / 7)),
    u: Float64Array.from({ length: m }, (_, j) => (j + 0.5) / m + 0.01 * Math.sin(i / 5 + j)),
  }));
  return packCheckpoints('run-1', checkpoints);
}

export function paperConfig(overrides: RunConfigInput = {}): RunConfig {
  return parseRunConfig({ sgd: { h: 1e-3, epsilon: 2e-5, limitBeside: true }, ...overrides });
}

/** The rows ([x, y] by default) of a series whose data is a flat [x0, y0, x1, y1, ...] typed array of `width` columns. */
export function flatSeriesPoints(data: unknown, width = 2): number[][] {
  const rows = data as Float64Array;
  return Array.from({ length: rows.length / width }, (_, k) => Array.from(rows.subarray(width * k, width * (k + 1))));
}
