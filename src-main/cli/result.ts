/** One line per finished run as the CLI prints it; the result itself (and the JSON of --json) is store/runResult.ts. */
import type { RunResult } from '../store';

/** One human-readable line summarising a run. */
export function describeResult(result: RunResult): string {
  const covered = result.coverage.filter((c) => c.covered).length;
  const parts = [
    `${result.name}: ${result.status}`,
    `${result.steps} steps`,
    result.finalLoss !== null ? `final L = ${result.finalLoss.toPrecision(4)}` : null,
    result.bestLoss !== null ? `best ${result.bestLoss.toPrecision(4)}` : null,
    result.limitFinalLoss !== null
      ? `limit ${result.limitFinalLoss.toPrecision(4)}`
      : result.limitNote
        ? `limit ${result.limitNote}`
        : null,
    result.coverage.length > 0 ? `jumps covered ${covered}/${result.coverage.length}` : null,
    result.durationMs !== null ? `${(result.durationMs / 1000).toFixed(2)} s` : null,
    result.error,
  ];
  return parts.filter(Boolean).join(', ');
}
