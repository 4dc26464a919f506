/** What an experiment of `ttlab reproduce` declares, what its runs give back, and what its checks report. */
import type { CheckpointSeries, CoverageEntry, RunStatus } from '#shared/api/contract';
import type { ChartOption } from '#shared/charts/frame';
import type { RunConfig, SweepSpecInput } from '#shared/config/schema';

/** quick: every qualitative claim at CI sizes; full: the paper's exact configurations. */
export const tiers = ['quick', 'full'] as const;
export type Tier = (typeof tiers)[number];

/** One finished run of an experiment, reduced to what checks and figures read. */
export interface ExperimentRun {
  runId: string;
  /** The run's grid point: `variant`, swept paths such as `sgd.epsilon`, and `seed`. */
  params: Record<string, unknown>;
  config: RunConfig;
  status: RunStatus;
  /** Trainer loss at the last checkpoint (population L, or the full-batch criterion). */
  finalLoss: number | null;
  /** 1-D runs: each jump's nearest neuron at the end. */
  coverage: CoverageEntry[];
  /** loss[i]: the trainer's loss at evaluation (checkpoint) i. */
  loss: Float64Array;
  /** limitLoss[i]: the limit's L0 at evaluation i, or null when no limit ran beside. */
  limitLoss: Float64Array | null;
  /** finalU: the positions at the last checkpoint (coordinate-major d * m entries for full-batch runs). */
  finalU: Float64Array;
}

/** One line of the reproduction table. */
export interface CheckRow {
  experiment: string;
  claim: string;
  expected: string;
  measured: string;
  pass: boolean;
}

/** A check before it is attributed to its experiment. */
export type Check = Omit<CheckRow, 'experiment'>;

/** A figure of the report: a chart option and the file it is drawn to. */
export interface Figure {
  /** file: PNG name inside the report folder. */
  file: string;
  caption: string;
  option: ChartOption;
  width?: number;
  height?: number;
}

/** One experiment of docs/MODEL.md section 6. */
export interface Experiment {
  /** name: the --only name, e.g. `replay-two-timescale`. */
  name: string;
  /** The paper's claim in a few words, for the report. */
  summary: string;
  /** How long the authors' code takes, as they state it (null when they do not). */
  paperTime: string | null;
  /** The sweep of a tier (its name is set by the runner). */
  sweep(tier: Tier): Omit<SweepSpecInput, 'name'>;
  /** The checks of its runs (the runner adds `every run finishes` before them). */
  checks(runs: readonly ExperimentRun[], tier: Tier): Check[];
  /** The paper's figures redrawn from the runs; `series` loads a run's checkpoints. */
  figures?(runs: readonly ExperimentRun[], series: (run: ExperimentRun) => CheckpointSeries): Figure[];
}

/** An experiment after its runs: the checks, the runs, and its wall time. */
export interface ExperimentOutcome {
  experiment: Experiment;
  tier: Tier;
  runs: ExperimentRun[];
  rows: CheckRow[];
  wallMs: number;
}
