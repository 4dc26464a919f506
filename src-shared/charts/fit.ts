/** The learned function f(x; a, u) against the target f* at one checkpoint, neuron positions marked on the x axis. */
import type { RunConfig, Target } from '../config/schema';
import { checkpointAt, type CheckpointSeries } from '../run/series';
import { flatRows, valueAxis, type ChartOption, type LineSeries } from './frame';
import { fitGrid, networkOnGrid } from './fitCurve';
import { fullBatchFitChartOption } from './fitFullBatch';
import { fitFrame, interleave, markerBand, markerSeries, shownCheckpoint, targetLine, yRange } from './fitParts';
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
  const axes = {
    xAxis: valueAxis('input x', false, { min: 0, max: 1 }),
    yAxis: valueAxis('output f(x)', false),
  };
  if (!hasFitChart(series, config) || series.count === 0)
    return fitFrame(series.count === 0 ? 'no checkpoint yet' : 'drawn for 1-D smoothed-step networks only', axes);
  const at = shownCheckpoint(series, index);
  const { a, u, tau, step, loss } = checkpointAt(series, at);
  const eta = config.network.eta;
  const grid = fitGrid(u, eta, config.target.positions);
  // learned: rows (x, f(x)) of the learned curve.
  const learned = interleave([grid, networkOnGrid(a, u, eta, grid)]);
  const target = targetPoints(config.target);
  const bottom = markerBand(...yRange([learned], target));
  const curve: LineSeries = {
    id: 'learned',
    type: 'line',
    name: 'learned f(x)',
    data: flatRows(learned),
    dimensions: ['x', 'y'],
    showSymbol: false,
    lineStyle: { width: 2 },
  };
  const neurons = markerSeries(
    { id: 'neurons', name: 'neuron positions u_j' },
    interleave([u, new Float64Array(u.length).fill(bottom), a.subarray(1)]),
    neuronTooltip,
  );
  return fitFrame(
    `checkpoint ${at + 1}/${series.count}: τ = ${formatNumber(tau)}, step ${formatCount(step)}, L = ${formatNumber(loss)}`,
    axes,
    { series: [targetLine('target f*(x)', target), curve, neurons], points: grid.length + u.length },
  );
}

/** "u_j = ..., a_j = ..." of the neuron under the pointer (row (u_j, bottom, a_j) of the marker data). */
function neuronTooltip(params: unknown): string {
  const { dataIndex, value } = params as { dataIndex: number; value: number[] };
  return `u_${dataIndex + 1} = ${formatNumber(value[0])}, a_${dataIndex + 1} = ${formatNumber(value[2])}`;
}
