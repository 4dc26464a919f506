/** What a run produces while it trains and when it ends. */
import type { RunConfig } from '../config/schema';
import type { CoverageEntry } from '../math/coverage';
import type { SessionSnapshot } from './snapshot';

/** One recorded evaluation of a run. Values are always finite. */
export interface RunCheckpoint {
  step: number;
  tau: number;
  /** Exact objective of the trainer (population L for 1-D trainers). */
  loss: number;
  /** Reduced loss L0 of the limit integrated beside SGD, or null when there is none. */
  limitLoss: number | null;
  /** Number of jumps with a neuron within eta / 2. */
  covered: number;
  a: Float64Array;
  u: Float64Array;
}

export type SessionStatus = 'running' | 'done' | 'diverged';

export interface RunOutcome {
  status: Exclude<SessionStatus, 'running'>;
  steps: number;
  finalLoss: number | null;
  bestLoss: number | null;
  limitFinalLoss: number | null;
  /** Why the limit has no loss, e.g. "undefined for this init". */
  limitNote: string | null;
  coverage: CoverageEntry[];
  /** Why a run diverged. */
  error: string | null;
}

export interface RunSession {
  readonly config: RunConfig;
  readonly totalSteps: number;
  readonly status: SessionStatus;
  /** Steps applied so far. */
  readonly step: number;
  readonly tau: number;
  /** Applies at most `budget` trainer steps, calling onCheckpoint for each checkpoint that falls due; false once finished. */
  advance(budget: number): boolean;
  /** The summary of the run so far (final once `advance` returned false). */
  outcome(): RunOutcome;
  /** The whole state of a running session (structured-clonable); createRunSession(config, ..., snapshot) resumes it. */
  snapshot(): SessionSnapshot;
}
