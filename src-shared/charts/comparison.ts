/** Several runs on one chart: their loss curves overlaid, each named by what sets it apart. */
import type { RunConfig } from '../config/schema';
import { lossFloor } from '../math/target';
import type { CheckpointSeries } from '../run/series';
import {
  chartFrame,
  countPoints,
  referenceLines,
  timeAxis,
  timeColumn,
  valueAxis,
  type ChartOption,
  type LineSeries,
  type TimeChartOptions,
} from './frame';
import { formatNumber } from '../base/format';
import { LOG_FLOOR } from './loss';
import { seriesColor, seriesLineStyle } from './palette';
import { columnPoints } from './points';

/** Points per curve: several curves share the chart. */
const CURVE_POINTS = 800;

/** One run of a comparison. */
export interface ComparedRun {
  /** label: the legend entry, e.g. "sgd.epsilon=1, seed=3". */
  label: string;
  series: CheckpointSeries;
  config: RunConfig;
}

/** Distinct loss floors eta sum(Delta^2) / 28 of the 1-D smoothed-step runs among `runs`. */
function distinctFloors(runs: readonly ComparedRun[]): number[] {
  const floors = runs
    .filter(({ config }) => config.trainer !== 'full-batch' && config.network.activation === 'cubic')
    .map(({ config }) => lossFloor(config.target, config.network.eta));
  return [...new Set(floors)].sort((x, y) => x - y);
}

/** Runs whose last times differ more than this factor share a log time axis, else the short ones would be invisible. */
const LOG_TIME_SPREAD = 20;

/** Whether the runs' time spans differ by more than LOG_TIME_SPREAD (a log time axis then shows them all). */
export function needsLogTime(runs: readonly ComparedRun[], x: TimeChartOptions['x'] = 'tau'): boolean {
  const ends = runs
    .map((run) => (run.series.count ? timeColumn(run.series, x)[run.series.count - 1] : 0))
    .filter((end) => end > 0);
  return ends.length > 1 && Math.max(...ends) > LOG_TIME_SPREAD * Math.min(...ends);
}

/**
 * Loss of every run against time on a log axis (losses below LOG_FLOOR drawn at it), with each distinct floor dashed.
 * The time axis is logarithmic when asked, or by default when the runs' durations differ widely (needsLogTime).
 */
export function comparisonLossOption(runs: readonly ComparedRun[], requested: TimeChartOptions = {}): ChartOption {
  const options = { ...requested, logX: requested.logX ?? needsLogTime(runs, requested.x) };
  const lines: LineSeries[] = runs.map((run, i) => ({
    id: `run-${i}`,
    type: 'line',
    name: run.label,
    showSymbol: false,
    // Colour and dash pattern by run: the curves stay apart for colour-blind readers and in greyscale print.
    color: seriesColor(i),
    lineStyle: seriesLineStyle(i, 1.8),
    data: columnPoints(
      timeColumn(run.series, options.x),
      { values: run.series.loss, count: run.series.count },
      CURVE_POINTS,
      { logX: options.logX, floor: LOG_FLOOR },
    ),
  }));
  const floors = distinctFloors(runs);
  if (lines.length > 0 && floors.length > 0) {
    lines[0].markLine = referenceLines(lines, floors, (value) => `floor ${formatNumber(value, 3)}`);
  }
  return chartFrame({
    title: 'Loss of each run',
    subtitle: floors.length
      ? `dashed: floor η·ΣΔ²/28; losses below ${formatNumber(LOG_FLOOR)} drawn at ${formatNumber(LOG_FLOOR)}`
      : undefined,
    xAxis: timeAxis(options),
    yAxis: valueAxis('L2 error L(a,u)', true),
    series: lines,
    points: countPoints(lines),
    tooltip: { trigger: 'axis', confine: true },
    interactive: options.interactive,
  });
}
