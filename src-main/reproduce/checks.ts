/** Building blocks of the experiments' checks: selections of runs, medians, ranges, and the wording of a table row. */
import { median } from '../../src-shared/analysis/stats';
import { formatNumber } from '../../src-shared/charts/format';
import type { Check, ExperimentRun } from './types';

/** Runs whose params hold `value` at `key` (e.g. variant = 'standard', sgd.epsilon = 0.1). */
export function runsWith(runs: readonly ExperimentRun[], key: string, value: unknown): ExperimentRun[] {
  return runs.filter((run) => run.params[key] === value);
}

/** Median final loss of the runs that have one (failed runs are counted by the `runs finished` check instead). */
export function medianFinalLoss(runs: readonly ExperimentRun[]): number {
  return median(runs.map((run) => run.finalLoss ?? NaN));
}

/** Whether some neuron lies within eta/2 of every jump of a 1-D run (false when the run has no coverage). */
export function coversEveryJump(run: ExperimentRun): boolean {
  return run.coverage.length > 0 && run.coverage.every((entry) => entry.covered);
}

/** Share of the runs for which `predicate` holds (0 for no run). */
export function shareOf(runs: readonly ExperimentRun[], predicate: (run: ExperimentRun) => boolean): number {
  return runs.length === 0 ? 0 : runs.filter(predicate).length / runs.length;
}

export const formatValue = (value: number) => formatNumber(value, 3);
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;

/** `claim`: value within [low, high]. */
export function withinRange(claim: string, value: number, low: number, high: number): Check {
  return { claim, expected: `in [${formatValue(low)}, ${formatValue(high)}]`, measured: formatValue(value), pass: value >= low && value <= high };
}

/** `claim`: a share of runs at least `least`, measured as "k/n (p%)". */
export function shareAtLeast(claim: string, runs: readonly ExperimentRun[], predicate: (run: ExperimentRun) => boolean, least: number): Check {
  const count = runs.filter(predicate).length;
  const share = shareOf(runs, predicate);
  const expected = least >= 1 ? `all ${runs.length} runs` : `>= ${formatPercent(least)} of ${runs.length} runs`;
  return { claim, expected, measured: `${count}/${runs.length} (${formatPercent(share)})`, pass: runs.length > 0 && share >= least };
}

/** The first check of every experiment: each run ended `done` (a failed or diverged run is an engine problem). */
export function runsFinished(runs: readonly ExperimentRun[]): Check {
  const done = runs.filter((run) => run.status === 'done').length;
  const others = runs.filter((run) => run.status !== 'done').map((run) => `seed ${String(run.params.seed)} ${run.status}`);
  return {
    claim: 'every run finishes',
    expected: `${runs.length}/${runs.length} done`,
    measured: [`${done}/${runs.length} done`, ...others.slice(0, 3)].join('; '),
    pass: runs.length > 0 && done === runs.length,
  };
}
