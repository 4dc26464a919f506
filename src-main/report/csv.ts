/**
 * Lossless CSV of runs. Numbers are written with String(n), the shortest text that parses back to the same double
 * (and -0 as "-0"); an empty cell means no value. csv-stringify does the quoting. Text is written as stored; the
 * spreadsheet-safe option (CsvOptions) defuses cells a spreadsheet would run as formulas.
 *
 * metrics.csv (long format): run_id, run_name, step, tau, metric, value; metric is loss, limit_loss (runs with the
 * limit beside SGD) or covered (jumps with a neuron within eta/2).
 * neurons.csv: run_id, step, tau, neuron, u, a. Neuron numbers follow the paper and the charts: neuron j = 1..m has
 * position u_j and outer weight a_j; neuron 0 is the bias a_0, whose u is empty. Networks without a bias weight (full
 * batch) number their entries 1..max(len(u), len(a)), a cell left empty where one of u, a has fewer entries.
 */
import { stringify } from 'csv-stringify/sync';
import type { CheckpointSeries } from '#shared/api/contract';
import type { ReportRun } from './data';

/** A number as round-trip exact text; null and non-finite values (never stored) as an empty cell. */
export function numberCell(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** A CSV cell: text, or a number written by numberCell (null: empty). */
export type Cell = string | number | null;

/** How a CSV is written. */
export interface CsvOptions {
  /**
   * Prefixes every text cell that starts with =, +, -, @, a tab or a carriage return with a single quote, so a
   * spreadsheet shows it instead of running it as a formula (OWASP's advice, csv-stringify's `escape_formulas`).
   * Numbers are never prefixed. The default, false, keeps every cell exactly as stored.
   */
  spreadsheetSafe?: boolean;
}

/** CSV text of rows; numbers stay numbers until written, so the spreadsheet-safe option never touches a negative one. */
export function csvText(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  return stringify(rows as Cell[][], {
    cast: { number: (value) => numberCell(value) },
    escape_formulas: options.spreadsheetSafe ?? false,
  });
}

export const METRICS_HEADER = ['run_id', 'run_name', 'step', 'tau', 'metric', 'value'] as const;
export const NEURONS_HEADER = ['run_id', 'step', 'tau', 'neuron', 'u', 'a'] as const;

export function metricsCsv(runs: readonly ReportRun[], options: CsvOptions = {}): string {
  const rows: Cell[][] = [[...METRICS_HEADER]];
  for (const { detail, series } of runs) {
    for (let i = 0; i < series.count; i++) {
      const head = [detail.id, detail.name, series.step[i], series.tau[i]];
      rows.push([...head, 'loss', series.loss[i]]);
      if (series.limitLoss) rows.push([...head, 'limit_loss', series.limitLoss[i]]);
      rows.push([...head, 'covered', series.covered[i]]);
    }
  }
  return csvText(rows, options);
}

/** For entry row k of a checkpoint: its neuron number, index into u (or -1) and index into a (or -1). */
function neuronLayout(series: CheckpointSeries): Array<[number, number, number]> {
  if (series.aLength === series.uLength + 1) {
    return Array.from({ length: series.aLength }, (_, j) => [j, j - 1, j] as [number, number, number]);
  }
  const count = Math.max(series.aLength, series.uLength);
  return Array.from(
    { length: count },
    (_, j) => [j + 1, j < series.uLength ? j : -1, j < series.aLength ? j : -1] as [number, number, number],
  );
}

export function neuronsCsv(runs: readonly ReportRun[], options: CsvOptions = {}): string {
  const rows: Cell[][] = [[...NEURONS_HEADER]];
  for (const { detail, series } of runs) {
    const layout = neuronLayout(series);
    for (let i = 0; i < series.count; i++) {
      for (const [neuron, uIndex, aIndex] of layout) {
        const u = uIndex < 0 ? null : series.u[i * series.uLength + uIndex];
        const a = aIndex < 0 ? null : series.a[i * series.aLength + aIndex];
        rows.push([detail.id, series.step[i], series.tau[i], neuron, u, a]);
      }
    }
  }
  return csvText(rows, options);
}
