/**
 * Every limit on the work one request may ask for, in one place: the size of one reply, the memory one run may take,
 * and the expanded size of a sweep. The boundaries (API handlers, CLI) check them before anything is computed or
 * stored, and their messages carry the estimate, so a user sees how far over the limit a request is.
 */
import type { RunConfig } from './schema';

/** Most bytes of typed-array data one reply may carry (a checkpoint page, a report); larger answers are paged. */
export const MAX_REPLY_BYTES = 64 * 1024 * 1024;
/** Most memory one trainer may need (its working arrays, estimated by runMemoryBytes). */
export const MAX_RUN_MEMORY_BYTES = 2 * 1024 ** 3;
/** Most bytes of checkpoints one run may record (estimated by runSeriesBytes); m = 600 with 100,000 checkpoints fits. */
export const MAX_RUN_SERIES_BYTES = 2 * 1024 ** 3;
/** Most runs one sweep may expand to. */
export const MAX_SWEEP_RUNS = 10_000;
/** Most bytes of configuration (as JSON) all runs of a sweep may hold together. */
export const MAX_SWEEP_CONFIG_BYTES = 64 * 1024 * 1024;
/** Most bytes of checkpoints all runs of a sweep may record together. */
export const MAX_SWEEP_SERIES_BYTES = 64 * 1024 ** 3;

/** Most bytes of checkpoints one report exported through the API may draw from (all its runs together). */
export const MAX_REPORT_BYTES = 1024 ** 3;
/** Largest database file (with its write-ahead log) that File → Import runs and `ttlab merge` read. */
export const MAX_IMPORT_BYTES = 16 * 1024 ** 3;

/** Scalar columns of a checkpoint: step, tau, loss, limit loss, covered. */
const SCALAR_COLUMNS = 5;

/** Bytes of one checkpoint with `aLength` and `uLength` neuron entries, as a reply carries it. */
export function checkpointBytes(aLength: number, uLength: number): number {
  return 8 * (SCALAR_COLUMNS + aLength + uLength);
}

/** Most checkpoints of this width that fit in one reply (at least 1). */
export function checkpointPageSize(aLength: number, uLength: number): number {
  return Math.max(1, Math.floor(MAX_REPLY_BYTES / checkpointBytes(aLength, uLength)));
}

/** "1.2 GB": a byte count for a message. */
export function formatBytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.ceil(bytes / 1e3)} kB`;
  if (bytes < 1e9) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

type Sized = Pick<RunConfig, 'trainer' | 'network' | 'checkpoints' | 'fullBatch'>;

/** Neuron entries per checkpoint: m positions and m + 1 weights (full batch: m units per coordinate). */
function neuronEntries(config: Sized): number {
  const units = config.trainer === 'full-batch' ? config.network.m * config.fullBatch.d : config.network.m;
  return 2 * units + 1;
}

/**
 * Working memory of the run's trainer, in bytes: gradient flow keeps an (m + 1) x (m + 1) Jacobian block; full batch
 * keeps its n samples in d dimensions; every trainer keeps a few dozen arrays of m entries.
 */
export function runMemoryBytes(config: Sized): number {
  const m = config.network.m;
  const perNeuron = 64 * 8 * (m + 1);
  if (config.trainer === 'gradient-flow') return 8 * (m + 1) ** 2 + perNeuron;
  if (config.trainer === 'full-batch')
    return 8 * config.fullBatch.n * (3 * config.fullBatch.d + 4) + perNeuron * config.fullBatch.d;
  return perNeuron;
}

/** Most checkpoints of this run's width that fit in one reply with both neuron columns (at least 2). */
export function checkpointsPerReply(config: Sized): number {
  return Math.max(2, Math.floor(MAX_REPLY_BYTES / (8 * (SCALAR_COLUMNS + neuronEntries(config)))));
}

/** Most checkpoints the run records: its schedule's count, never more than its cap. */
function recordedCheckpoints(config: Sized, steps: number): number {
  const { kind, count, every, cap } = config.checkpoints;
  return Math.min(cap, kind === 'every' ? Math.floor(steps / every) + 1 : count);
}

/** Bytes of every checkpoint the run may record. */
export function runSeriesBytes(config: Sized, steps: number): number {
  return recordedCheckpoints(config, steps) * 8 * (SCALAR_COLUMNS + neuronEntries(config));
}

/** What a limit refused: the field to change and one line with the estimate. */
export interface LimitIssue {
  field: string;
  message: string;
}

/** Null when the run fits the limits above, else the first limit it exceeds. */
export function runLimitIssue(config: Sized, steps: number): LimitIssue | null {
  const memory = runMemoryBytes(config);
  if (memory > MAX_RUN_MEMORY_BYTES) {
    return {
      field: 'network.m',
      message: `network.m: ${config.trainer} with m = ${config.network.m} needs about ${formatBytes(memory)} of memory, more than the ${formatBytes(MAX_RUN_MEMORY_BYTES)} a run may take`,
    };
  }
  const series = runSeriesBytes(config, steps);
  if (series > MAX_RUN_SERIES_BYTES) {
    return {
      field: 'checkpoints',
      message: `checkpoints: ${recordedCheckpoints(config, steps)} checkpoints of ${neuronEntries(config)} values need about ${formatBytes(series)}, more than the ${formatBytes(MAX_RUN_SERIES_BYTES)} a run may record; lower checkpoints.cap or network.m`,
    };
  }
  return null;
}

/** The expanded size of a sweep, from its run count and the largest of its configurations. */
export interface SweepSize {
  runs: number;
  /** JSON bytes of the largest configuration. */
  configBytes: number;
  /** Checkpoint bytes of the run that records the most. */
  seriesBytes: number;
}

/** Null when the expanded sweep fits, else the first limit it exceeds (the field is `sweep`). */
export function sweepLimitIssue(size: SweepSize): LimitIssue | null {
  const issue = (message: string): LimitIssue => ({ field: 'sweep', message: `sweep: ${message}` });
  if (size.runs > MAX_SWEEP_RUNS) return issue(`expands to ${size.runs} runs, more than the ${MAX_SWEEP_RUNS} allowed`);
  const configs = size.runs * size.configBytes;
  if (configs > MAX_SWEEP_CONFIG_BYTES) {
    return issue(
      `${size.runs} runs of configurations up to ${formatBytes(size.configBytes)} make about ${formatBytes(configs)}, more than the ${formatBytes(MAX_SWEEP_CONFIG_BYTES)} a sweep may hold`,
    );
  }
  const series = size.runs * size.seriesBytes;
  if (series > MAX_SWEEP_SERIES_BYTES) {
    return issue(
      `${size.runs} runs may record about ${formatBytes(series)} of checkpoints, more than the ${formatBytes(MAX_SWEEP_SERIES_BYTES)} a sweep may record`,
    );
  }
  return null;
}
