/** The learned function f(x; a, u) against the target f* at one checkpoint, neuron positions marked on the x axis. */
import type { CheckpointSeries } from '../api/contract';
import type { RunConfig, Target } from '../config/schema';
import { evalNetwork } from '../math/network';
import { checkpointAt } from '../run/series';
import { chartFrame, REFERENCE_COLOR, valueAxis, type ChartOption, type LineSeries } from './frame';
import { formatCount, formatNumber } from './format';

/** Evenly spaced samples of [0, 1]; the network's own breakpoints are added so no bend is cut. */
const FIT_SAMPLES = 600;

/** The fit is drawn for 1-D smoothed-step networks with a bias (a has one entry more than u). */
function hasFitChart(series: CheckpointSeries, config: RunConfig): boolean {
  return config.trainer !== 'full-batch' && config.network.activation === 'cubic' && series.aLength === series.uLength + 1;
}

/** Sorted distinct x in [0, 1]: the even samples, every jump, and each neuron's centre and the ends of its ramp. */
export function fitGrid(u: Float64Array, eta: number, jumps: readonly number[], samples = FIT_SAMPLES): Float64Array {
  const points = new Float64Array(samples + 1 + 3 * u.length + jumps.length);
  let n = 0;
  for (let i = 0; i <= samples; i++) points[n++] = i / samples;
  for (const v of jumps) points[n++] = v;
  for (const center of u) for (const x of [center - eta / 2, center, center + eta / 2]) if (x > 0 && x < 1) points[n++] = x;
  const sorted = points.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i];
  return sorted.slice(0, distinct);
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
  const learned = Array.from(grid, (x) => [x, evalNetwork(a, u, eta, x)]);
  const target = targetPoints(config.target);
  let low = Infinity;
  let high = -Infinity;
  for (const [, y] of [...learned, ...target]) {
    low = Math.min(low, y);
    high = Math.max(high, y);
  }
  // Neuron markers sit on a band below the curves, at the bottom of the plot.
  const bottom = low - 0.08 * Math.max(high - low, 1);
  const lines: LineSeries[] = [
    { id: 'target', type: 'line', name: 'target f*(x)', data: target, showSymbol: false, color: REFERENCE_COLOR, lineStyle: { width: 2, type: 'dashed' } },
    { id: 'learned', type: 'line', name: 'learned f(x)', data: learned, showSymbol: false, lineStyle: { width: 2 } },
  ];
  const neurons = {
    id: 'neurons',
    type: 'scatter' as const,
    name: 'neuron positions u_j',
    symbol: 'triangle',
    symbolSize: 8,
    data: Array.from(u, (x, j) => ({ value: [x, bottom], name: `u_${j + 1} = ${formatNumber(x)}, a_${j + 1} = ${formatNumber(a[j + 1])}` })),
    tooltip: { trigger: 'item' as const, formatter: '{b}' },
  };
  return chartFrame({
    title: 'Learned function',
    subtitle: `checkpoint ${at + 1}/${series.count}: τ = ${formatNumber(tau)}, step ${formatCount(step)}, L = ${formatNumber(loss)}`,
    xAxis,
    yAxis,
    series: [...lines, neurons],
    points: learned.length,
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (value) => formatNumber(Number(value)) },
  });
}
