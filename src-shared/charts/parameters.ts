/** Parameters over time: neuron positions u_j with the target jumps, and outer weights a_j. */
import type { RunConfig } from '../config/schema';
import type { CheckpointSeries } from '../run/series';
import {
  chartFrame,
  countPoints,
  REFERENCE_COLOR,
  timeAxis,
  timeColumn,
  valueAxis,
  type ChartOption,
  type LineSeries,
  type TimeChartOptions,
} from './frame';
import { escapeHtml } from '../config/text';
import { formatNumber } from '../base/format';
import { trajectorySeries } from './trajectories';

const NEURONS = 'neuron positions u_j';
const JUMPS = 'target jumps v_i';
const WEIGHTS = 'weights a_j';
const BIAS = 'bias a_0';

/** The jump positions a run's neurons should reach (the run's target; 1-D networks only). */
function targetJumps(config: RunConfig): number[] {
  return config.trainer === 'full-batch' ? [] : config.target.positions;
}

/** Neuron j is u_{j+1}: index 0 of `a` is the bias, so positions count from 1 like their weights. */
const neuronLabel = (j: number) => `u_${j + 1}`;

/** The tooltip of a trajectory chart: hovering a line gives its id, value and time. */
function itemTooltip(x: TimeChartOptions['x']) {
  return {
    trigger: 'item' as const,
    confine: true,
    formatter: (params: unknown): string => {
      const p = params as { seriesId?: string; seriesName?: string; value?: number[]; marker?: string };
      if (!Array.isArray(p.value)) return escapeHtml(p.seriesName ?? '');
      return `${p.marker ?? ''}${escapeHtml(p.seriesId ?? p.seriesName ?? '')} = <b>${formatNumber(p.value[1])}</b><br/>${x === 'step' ? 'step' : 'τ'} = ${formatNumber(p.value[0])}`;
    },
  };
}

export function neuronsChartOption(
  series: CheckpointSeries,
  config: RunConfig,
  options: TimeChartOptions = {},
): ChartOption {
  const time = timeColumn(series, options.x);
  const lines = trajectorySeries(series, time, series.u, series.uLength, {
    name: NEURONS,
    label: neuronLabel,
    logX: options.logX,
  });
  const jumps = targetJumps(config);
  const jumpLines: LineSeries = {
    id: 'jumps',
    type: 'line',
    // Above the neuron lines, which can be a thousand.
    z: 5,
    name: JUMPS,
    data: [],
    color: REFERENCE_COLOR,
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: REFERENCE_COLOR, width: 1.5 },
      label: { position: 'insideEndTop', color: REFERENCE_COLOR, formatter: '{b}' },
      data: jumps.map((v) => ({ name: `jump v = ${formatNumber(v)}`, yAxis: v })),
    },
  };
  return chartFrame({
    title: 'Neuron positions',
    subtitle: `${series.uLength} neurons${jumps.length ? `, ${jumps.length} target jumps` : ''}`,
    xAxis: timeAxis(options),
    yAxis: valueAxis('position u_j', false, {
      min: (range: { min: number }) => Math.min(0, range.min),
      max: (range: { max: number }) => Math.max(1, range.max),
    }),
    series: jumps.length ? [...lines, jumpLines] : lines,
    points: countPoints(lines),
    legend: jumps.length ? [NEURONS, JUMPS] : [NEURONS],
    tooltip: itemTooltip(options.x),
    interactive: options.interactive,
  });
}

export function weightsChartOption(
  series: CheckpointSeries,
  config: RunConfig,
  options: TimeChartOptions = {},
): ChartOption {
  const time = timeColumn(series, options.x);
  // 1-D networks keep the bias in a[0] (one more entry than u); draw it apart, it tracks the level of f* near 0.
  const withBias = series.aLength === series.uLength + 1 && config.trainer !== 'full-batch';
  const label = (j: number) => `a_${j}`;
  const lines = trajectorySeries(series, time, series.a, series.aLength, {
    name: WEIGHTS,
    label,
    logX: options.logX,
    first: withBias ? 1 : 0,
  });
  if (withBias) {
    const [bias] = trajectorySeries(series, time, series.a, series.aLength, {
      name: BIAS,
      label,
      logX: options.logX,
      end: 1,
    });
    lines.push({ ...bias, lineStyle: { width: 2, type: 'dashed' }, color: REFERENCE_COLOR });
  }
  return chartFrame({
    title: 'Outer weights',
    subtitle: `${series.aLength} weights${withBias ? ' (a_0: bias)' : ''}`,
    xAxis: timeAxis(options),
    yAxis: valueAxis('weight a_j', false),
    series: lines,
    points: countPoints(lines),
    legend: withBias ? [WEIGHTS, BIAS] : [WEIGHTS],
    tooltip: itemTooltip(options.x),
    interactive: options.interactive,
  });
}
