/** Building blocks of the experiments' checks: selections of runs, medians, ranges, and the wording of a table row. */
import { median } from '#shared/analysis/stats';
import { formatNumber } from '#shared/base/format';
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

/**
 * The spread of a check's quantity over seeds, measured by bench/tolerances.ts at the tier's configuration: for a check
 * of one value per seed (every seed, or the one seed a replay runs, which stands for any), the smallest and largest
 * value over the seeds measured; for a check of the median of the tier's n seeds, the range holding 95% of the medians
 * of n seeds drawn with replacement from those measured.
 */
export interface Spread {
  low: number;
  high: number;
  /** Number of seeds measured. */
  seeds: number;
}

/**
 * The band a check accepts: its spread widened on a log scale by half its width at each end, twice as wide as the
 * spread itself. Losses are positive and skewed, so their distance is a factor: a spread from 0.02 to 0.04 accepts
 * 0.014 to 0.057.
 */
export function acceptedBand({ low, high }: Spread): [number, number] {
  const margin = Math.sqrt(high / low);
  return [low / margin, high * margin];
}

/** The expected column of a check against a spread: "0.023, accepted [0.0151, 0.0657] (spread over 40 seeds)". */
function spreadExpectation(expected: string, spread: Spread): string {
  const [low, high] = acceptedBand(spread);
  return `${expected}, accepted [${formatValue(low)}, ${formatValue(high)}] (spread over ${spread.seeds} seeds)`;
}

/** `claim`: value within the band of its spread; `expected` is the paper's value. */
export function withinSpread(claim: string, value: number, expected: number, spread: Spread): Check {
  const [low, high] = acceptedBand(spread);
  return {
    claim,
    expected: spreadExpectation(formatValue(expected), spread),
    measured: formatValue(value),
    pass: value >= low && value <= high,
  };
}

/** A one-sided check accepts up to the largest value measured and half as much again. */
export const ONE_SIDED_MARGIN = 1.5;

/**
 * `claim`: value at most the largest measured over seeds, widened by ONE_SIDED_MARGIN (a gap, for which smaller is
 * better). Not acceptedBand's upper end: that widens by the spread's own ratio, which for a gap whose best seeds come
 * near zero would accept almost anything.
 */
export function atMostSpread(claim: string, value: number, spread: Spread): Check {
  const high = spread.high * ONE_SIDED_MARGIN;
  return {
    claim,
    expected: `accepted <= ${formatValue(high)} (spread over ${spread.seeds} seeds)`,
    measured: formatValue(value),
    pass: value <= high,
  };
}

/** `claim`: a share of runs at least `least`, measured as "k/n (p%)". */
export function shareAtLeast(
  claim: string,
  runs: readonly ExperimentRun[],
  predicate: (run: ExperimentRun) => boolean,
  least: number,
): Check {
  const count = runs.filter(predicate).length;
  const share = shareOf(runs, predicate);
  const expected = least >= 1 ? `all ${runs.length} runs` : `>= ${formatPercent(least)} of ${runs.length} runs`;
  return {
    claim,
    expected,
    measured: `${count}/${runs.length} (${formatPercent(share)})`,
    pass: runs.length > 0 && share >= least,
  };
}

/** The first check of every experiment: each run ended `done` (a failed or diverged run is an engine problem). */
export function runsFinished(runs: readonly ExperimentRun[]): Check {
  const done = runs.filter((run) => run.status === 'done').length;
  const others = runs
    .filter((run) => run.status !== 'done')
    .map((run) => `seed ${String(run.params.seed)} ${run.status}`);
  return {
    claim: 'every run finishes',
    expected: `${runs.length}/${runs.length} done`,
    measured: [`${done}/${runs.length} done`, ...others.slice(0, 3)].join('; '),
    pass: runs.length > 0 && done === runs.length,
  };
}
