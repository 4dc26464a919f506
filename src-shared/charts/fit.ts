/** The learned function f(x; a, u) against the target f* at one checkpoint, neuron positions marked on the x axis. */
import type { ScatterSeriesOption } from 'echarts';
import type { RunConfig, Target } from '../config/schema';
import { checkpointAt, type CheckpointSeries } from '../run/series';
import { chartFrame, flatRows, REFERENCE_COLOR, valueAxis, type ChartOption, type LineSeries } from './frame';
import { fitGrid, networkOnGrid } from './fitCurve';
import { fullBatchFitChartOption } from './fitFullBatch';
import { formatCount, formatNumber } from '../base/format';

/** The fit is drawn for 1-D smoothed-step networks with a bias (a has one entry more than u). */
function hasFitChart(series: CheckpointSeries, config: RunConfig): boolean {
  return (
    config.trainer !== 'full-batch' && config.network.activation === 'cubic' && series.aLength === series.uLength + 1
  );
}

/** The step line of f*: each jump drawn as a vertical segment. */
export function targetPoints(target: Target): number[][] {
  let level = target.values[0];
  const points: number[][] = [[0, level]];
  target.positions.forEach((v, i) => {
    points.push([v, level]);
    level += target.values[i + 1];
    points.push([v, level]);
  });
  points.push([1, level]);
  return points;
}

export function fitChartOption(series: CheckpointSeries, config: RunConfig, index: number): ChartOption {
  if (config.trainer === 'full-batch') return fullBatchFitChartOption(series, config, index);
  const xAxis = valueAxis('input x', false, { min: 0, max: 1 });
  const yAxis = valueAxis('output f(x)', false);
  if (!hasFitChart(series, config) || series.count === 0) {
    const why = series.count === 0 ? 'no checkpoint yet' : 'drawn for 1-D smoothed-step networks only';
    return chartFrame({ title: 'Learned function', subtitle: why, xAxis, yAxis, series: [], points: 0 });
  }
  const at = Math.min(series.count - 1, Math.max(0, Math.round(index)));
  const { a, u, tau, step, loss } = checkpointAt(series, at);
  const eta = config.network.eta;
  const grid = fitGrid(u, eta, config.target.positions);
  // learned: rows (x, f(x)) of the learned curve.
  const learned = interleave([grid, networkOnGrid(a, u, eta, grid)]);
  const target = targetPoints(config.target);
  let low = Infinity;
  let high = -Infinity;
  for (let i = 1; i < learned.length; i += 2) {
    low = Math.min(low, learned[i]);
    high = Math.max(high, learned[i]);
  }
  for (const [, y] of target) {
    low = Math.min(low, y);
    high = Math.max(high, y);
  }
  // Neuron markers sit on a band below the curves, at the bottom of the plot.
  const bottom = low - 0.08 * Math.max(high - low, 1);
  const lines: LineSeries[] = [
    {
      id: 'target',
      type: 'line',
      name: 'target f*(x)',
      data: target,
      showSymbol: false,
      color: REFERENCE_COLOR,
      lineStyle: { width: 2, type: 'dashed' },
    },
    {
      id: 'learned',
      type: 'line',
      name: 'learned f(x)',
      data: flatRows(learned),
      dimensions: ['x', 'y'],
      showSymbol: false,
      lineStyle: { width: 2 },
    },
  ];
  const neurons: ScatterSeriesOption = {
    id: 'neurons',
    type: 'scatter',
    name: 'neuron positions u_j',
    symbol: 'triangle',
    symbolSize: 8,
    // Rows (u_j, bottom, a_j): the weight rides along for the tooltip.
    data: flatRows(interleave([u, new Float64Array(u.length).fill(bottom), a.subarray(1)])),
    dimensions: ['x', 'y', 'a'],
    encode: { x: 'x', y: 'y' },
    // One path for all markers (hover still finds the neuron under the pointer) instead of an element each.
    large: true,
    largeThreshold: LARGE_MARKERS,
    tooltip: { trigger: 'item', formatter: neuronTooltip },
  };
  return chartFrame({
    title: 'Learned function',
    subtitle: `checkpoint ${at + 1}/${series.count}: τ = ${formatNumber(tau)}, step ${formatCount(step)}, L = ${formatNumber(loss)}`,
    xAxis,
    yAxis,
    series: [...lines, neurons],
    points: grid.length + u.length,
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (value) => formatNumber(Number(value)) },
  });
}

/** Neurons beyond this many are drawn as one path. */
const LARGE_MARKERS = 200;

/** Rows of the columns side by side: [c0[0], c1[0], ..., c0[1], c1[1], ...] (all columns as long as the first). */
function interleave(columns: readonly Float64Array[]): Float64Array {
  const width = columns.length;
  const rows = new Float64Array(width * columns[0].length);
  columns.forEach((column, c) => {
    for (let i = 0; i < columns[0].length; i++) rows[i * width + c] = column[i];
  });
  return rows;
}

/** "u_j = ..., a_j = ..." of the neuron under the pointer (row (u_j, bottom, a_j) of the marker data). */
function neuronTooltip(params: unknown): string {
  const { dataIndex, value } = params as { dataIndex: number; value: number[] };
  return `u_${dataIndex + 1} = ${formatNumber(value[0])}, a_${dataIndex + 1} = ${formatNumber(value[2])}`;
}
