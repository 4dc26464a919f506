/** Words for the reproduction screen: each experiment's state, and the verdict over all checks. */
import type { Reproduction, ReproductionExperiment } from '#shared/api/reproduction';

/** "queued", "running 3 of 20 runs", "done: pass", "done: 1 check fails", "stopped". */
export function experimentStatusText(entry: ReproductionExperiment, checks: Reproduction['checks']): string {
  if (entry.status === 'queued') return 'queued';
  if (entry.status === 'failed') return 'stopped';
  if (entry.status === 'running')
    return `running ${entry.finishedRuns} of ${entry.runs} run${entry.runs === 1 ? '' : 's'}`;
  const failed = checks.filter((check) => check.experiment === entry.name && !check.pass).length;
  return failed === 0 ? 'done: pass' : `done: ${failed} check${failed === 1 ? '' : 's'} fail${failed === 1 ? 's' : ''}`;
}

/** "All 24 checks pass." or "2 of 24 checks fail."; null while checks are still missing. */
export function verdictText(state: Reproduction): string | null {
  if (state.status !== 'done') return null;
  const failed = state.checks.filter((check) => !check.pass).length;
  return failed === 0 ? `All ${state.checks.length} checks pass.` : `${failed} of ${state.checks.length} checks fail.`;
}
