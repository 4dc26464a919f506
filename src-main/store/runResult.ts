/**
 * A finished run's result, flat: what `ttlab run --json` prints (and writes with --out), what a sweep runner hands the
 * reproduction's checks, whether the runs ran in the CLI's own pool or in the lab's.
 */
import type { CoverageEntry, RunDetail } from '#shared/api/contract';
import type { SweepSpec } from '#shared/config/schema';
import { expandSweep } from '#shared/config/sweep';
import type { RunStore } from './store';

export interface RunResult {
  runId: string | null;
  name: string;
  status: string;
  steps: number;
  totalSteps: number;
  finalLoss: number | null;
  bestLoss: number | null;
  limitFinalLoss: number | null;
  limitNote: string | null;
  coverage: CoverageEntry[];
  durationMs: number | null;
  stepsPerSecond: number | null;
  error: string | null;
  params?: Record<string, unknown>;
}

export function resultFromDetail(run: RunDetail, params?: Record<string, unknown>): RunResult {
  return {
    runId: run.id,
    name: run.name,
    status: run.status,
    steps: run.steps,
    totalSteps: run.totalSteps,
    finalLoss: run.finalLoss,
    bestLoss: run.bestLoss,
    limitFinalLoss: run.limitFinalLoss,
    limitNote: run.limitNote,
    coverage: run.coverage,
    durationMs: run.durationMs,
    stepsPerSecond: run.durationMs ? run.steps / (run.durationMs / 1000) : null,
    error: run.error,
    ...(params ? { params } : {}),
  };
}

/** The stored results of a sweep's runs (`runIds` in grid order), each with its grid point. */
export function sweepResults(store: Pick<RunStore, 'getRun'>, spec: SweepSpec, runIds: readonly string[]): RunResult[] {
  const points = expandSweep(spec);
  return runIds.map((id, i) => resultFromDetail(store.getRun(id), points[i].params));
}
