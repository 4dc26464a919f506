/** The JSON a finished run prints with --json (and writes with --out). */
import type { CoverageEntry, RunDetail } from '../../src-shared/api/contract';
import type { SweepSpec } from '../../src-shared/config/schema';
import { expandSweep } from '../../src-shared/config/sweep';
import type { RunStore } from '../store';

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

/** One human-readable line summarising a run. */
export function describeResult(result: RunResult): string {
  const covered = result.coverage.filter((c) => c.covered).length;
  const parts = [
    `${result.name}: ${result.status}`,
    `${result.steps} steps`,
    result.finalLoss !== null ? `final L = ${result.finalLoss.toPrecision(4)}` : null,
    result.bestLoss !== null ? `best ${result.bestLoss.toPrecision(4)}` : null,
    result.limitFinalLoss !== null ? `limit ${result.limitFinalLoss.toPrecision(4)}` : result.limitNote ? `limit ${result.limitNote}` : null,
    result.coverage.length > 0 ? `jumps covered ${covered}/${result.coverage.length}` : null,
    result.durationMs !== null ? `${(result.durationMs / 1000).toFixed(2)} s` : null,
    result.error,
  ];
  return parts.filter(Boolean).join(', ');
}
