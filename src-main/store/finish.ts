/** The summary columns a finished run gets: the trainer's outcome, completed from the stored checkpoints. */
import type { RunOutcome } from '#shared/run/types';

/** What finishRun receives; every field may be missing (a crashed trainer reports only an error). */
export type FinishInput = Partial<RunOutcome> & {
  /** Wall-clock time of the run; omitted: measured since markRunning; null: unknown (e.g. an interrupted run). */
  durationMs?: number | null;
  error?: string | null;
};

/** The run's last checkpoint, with the best loss over all of its checkpoints. */
export interface LastCheckpoint {
  step: number;
  loss: number;
  limitLoss: number | null;
  covered: number;
  bestLoss: number;
}

export interface FinishColumns {
  finishedAt: string;
  durationMs: number | null;
  steps: number;
  finalLoss: number | null;
  bestLoss: number | null;
  limitFinalLoss: number | null;
  limitNote: string | null;
  coveredJumps: number | null;
  /** JSON array of CoverageEntry. */
  coverage: string;
  error: string | null;
}

/** Fields the outcome leaves out come from the checkpoints: final = last, best = min, so a failed run shows what it reached. */
export function finishColumns(
  outcome: FinishInput,
  last: LastCheckpoint | undefined,
  run: { steps: number; startedAt: string | null },
  now: Date,
): FinishColumns {
  const measured = run.startedAt === null ? null : Math.max(0, now.getTime() - Date.parse(run.startedAt));
  return {
    finishedAt: now.toISOString(),
    durationMs: outcome.durationMs === undefined ? measured : outcome.durationMs,
    steps: outcome.steps ?? Math.max(run.steps, last?.step ?? 0),
    finalLoss: outcome.finalLoss ?? last?.loss ?? null,
    bestLoss: outcome.bestLoss ?? last?.bestLoss ?? null,
    limitFinalLoss: outcome.limitFinalLoss ?? last?.limitLoss ?? null,
    limitNote: outcome.limitNote ?? null,
    coveredJumps: outcome.coverage ? outcome.coverage.filter((entry) => entry.covered).length : (last?.covered ?? null),
    coverage: JSON.stringify(outcome.coverage ?? []),
    error: outcome.error ?? null,
  };
}
