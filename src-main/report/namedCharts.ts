/**
 * The charts of a report by name, for exporting one alone (`ttlab export --chart NAME`) and for the interactive HTML
 * report: a run's loss, neurons, weights and fit; a comparison's loss overlay and seed bands; a sweep's final losses,
 * convergence and phase maps. Drawn from the same option builders as the UI.
 */
import { differenceLabels, runLabels } from '#shared/analysis/configFields';
import { seedBand, seedGroups } from '#shared/analysis/groups';
import type { BandKind } from '#shared/analysis/intervals';
import { comparisonLossOption, needsLogTime } from '#shared/charts/comparison';
import { fitChartOption } from '#shared/charts/fit';
import type { ChartOption } from '#shared/charts/frame';
import { compareLossOption } from '#shared/charts/historyCompare';
import { lossChartOption } from '#shared/charts/loss';
import { neuronsChartOption, weightsChartOption } from '#shared/charts/parameters';
import type { ReportData, ReportRun } from './data';
import { sweepCharts } from './sweepReport';

/** Chart names by report kind, in the order a report shows them. */
export const chartNames = {
  run: ['loss', 'neurons', 'weights', 'fit'],
  comparison: ['loss', 'seed-bands'],
  sweep: ['final-loss', 'convergence', 'phase'],
} as const;

/** A chart asked for that the report does not have (a run chart of a sweep, convergence without a rule...). */
export class ChartNameError extends Error {
  override readonly name = 'ChartNameError';
}

export interface NamedChartOptions {
  /** band: the seed band of the comparison's seed-bands chart (median with 10-90 % by default). */
  band?: BandKind;
}

function runCharts({ series, detail }: ReportRun): Record<string, ChartOption> {
  if (series.count === 0) return {};
  return {
    loss: lossChartOption(series, detail.config),
    neurons: neuronsChartOption(series, detail.config),
    weights: weightsChartOption(series, detail.config),
    fit: fitChartOption(series, detail.config, series.count - 1),
  };
}

/** Runs that differ only by seed pooled into one curve with its band; the legend gives the centre and n of each. */
function seedBandChart(runs: readonly ReportRun[], band: BandKind): ChartOption {
  const groups = seedGroups(runs.map((run) => run.detail.config));
  const labels = differenceLabels(
    groups.map((group) => ({ ...runs[group[0]].detail.config, seed: 0 })),
    groups.map((group) => runs[group[0]].detail.name),
  );
  const curves = groups.map((group, k) => ({
    label: labels[k],
    seeds: group.length,
    band: seedBand(
      group.map((i) => ({ time: runs[i].series.tau, values: runs[i].series.loss, count: runs[i].series.count })),
      band,
    ),
  }));
  return compareLossOption(curves, {
    band,
    logX: needsLogTime(runs.map((run) => ({ label: run.detail.name, series: run.series, config: run.detail.config }))),
  });
}

function comparisonCharts(runs: readonly ReportRun[], options: NamedChartOptions): Record<string, ChartOption> {
  const labels = runLabels(
    runs.map((run) => run.detail.config),
    runs.map((run) => run.detail.name),
  );
  return {
    loss: comparisonLossOption(
      runs.map((run, i) => ({ label: labels[i], series: run.series, config: run.detail.config })),
    ),
    'seed-bands': seedBandChart(runs, options.band ?? 'p10-90'),
  };
}

/** Every chart the report has, by name (a sweep with several phase panels gives phase, phase-2, ...). */
export function reportCharts(data: ReportData, options: NamedChartOptions = {}): Record<string, ChartOption> {
  if (data.kind === 'run') return runCharts(data.runs[0]);
  if (data.kind === 'comparison') return comparisonCharts(data.runs, options);
  const { phase, ...charts } = sweepCharts(
    data.sweep,
    data.runs.map((run) => run.detail),
  );
  const panels = Object.fromEntries((phase ?? []).map((option, i) => [i === 0 ? 'phase' : `phase-${i + 1}`, option]));
  return { ...charts, ...panels } as Record<string, ChartOption>;
}

/** One chart of the report by name; ChartNameError naming the charts it has. */
export function namedChart(data: ReportData, name: string, options: NamedChartOptions = {}): ChartOption {
  const charts = reportCharts(data, options);
  const chart = charts[name];
  if (chart) return chart;
  const known = chartNames[data.kind] as readonly string[];
  const have = Object.keys(charts);
  if (known.includes(name))
    throw new ChartNameError(`this ${data.kind} has no ${name} chart (it has: ${have.join(', ') || 'none'})`);
  throw new ChartNameError(`"${name}" is not a chart of a ${data.kind}: use one of ${known.join(', ')}`);
}
