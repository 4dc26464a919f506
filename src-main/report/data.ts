/** What a report is about, read from the store: one run, several runs, or a sweep, each run with its checkpoints. */
import type { CheckpointSeries, RunDetail, SweepSummary } from '#shared/api/contract';
import type { RunStore } from '../store';

/** One run and every stored checkpoint of it. */
export interface ReportRun {
  detail: RunDetail;
  series: CheckpointSeries;
}

export type ReportTarget = { runId: string } | { runIds: readonly string[] } | { sweepId: string };

export type ReportData =
  | { kind: 'run'; runs: [ReportRun] }
  | { kind: 'comparison'; runs: ReportRun[] }
  | { kind: 'sweep'; runs: ReportRun[]; sweep: SweepSummary };

/** When and by which version a report was made (drawn in its heading). */
export interface ReportContext {
  exportedAt: Date;
  version: string;
}

export type ReportSource = Pick<RunStore, 'getRun' | 'getCheckpoints' | 'getSweep'>;

const loadRun = (store: ReportSource, runId: string): ReportRun => ({
  detail: store.getRun(runId),
  series: store.getCheckpoints(runId),
});

/** Reads the target's runs (NotFoundError for an unknown id); a list of one id is a run report. */
export function loadReport(store: ReportSource, target: ReportTarget): ReportData {
  if ('runId' in target) return { kind: 'run', runs: [loadRun(store, target.runId)] };
  if ('sweepId' in target) {
    const { sweep, runs } = store.getSweep(target.sweepId);
    return { kind: 'sweep', sweep, runs: runs.map((run) => loadRun(store, run.id)) };
  }
  const ids = [...new Set(target.runIds)];
  if (ids.length === 0) throw new RangeError('a comparison needs at least one run id');
  const runs = ids.map((id) => loadRun(store, id));
  return runs.length === 1 ? { kind: 'run', runs: [runs[0]] } : { kind: 'comparison', runs };
}
