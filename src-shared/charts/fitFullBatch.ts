/**
 * The learned function of a full-batch run (docs/MODEL.md section 5) at one checkpoint, against its target. A checkpoint
 * holds every unit's weight and position, so the network is drawn exactly, like the 1-D fit:
 * - additive: f(x) = sum_k g_k(x_k) with g_k(x) = sum_j a_kj sigma_eta(x - u_kj), one line per coordinate against the
 *   share [x > .3] + [x > .5] + [x > .7] that each coordinate contributes to the target;
 * - relu: f(x) = sum_j a_j relu(x - u_j) against the teacher.
 * Both targets are noise-free functions known in closed form, so the training sample, which lies on them, is not drawn.
 */
import { formatCount, formatNumber } from '../base/format';
import type { RunConfig } from '../config/schema';
import { checkpointAt, type CheckpointSeries } from '../run/series';
import { ADDITIVE_STEPS, additiveShare, reluTeacher } from '../trainers/batch/sample';
import { fitGrid, FIT_SAMPLES, networkOnGrid } from './fitCurve';
import { fitFrame, interleave, markerBand, markerSeries, shownCheckpoint, targetLine, yRange } from './fitParts';
import { flatRows, REFERENCE_COLOR, valueAxis, type ChartOption, type LineSeries } from './frame';
import { seriesLineStyle } from './palette';

/** Coordinates drawn at most (the paper's largest problem has 10); the subtitle says when there are more. */
export const MAX_COORDINATES = 10;

/** The step line of one coordinate's share of the additive target, each step a vertical segment. */
function additiveTargetPoints(): number[][] {
  const points: number[][] = [[0, 0]];
  for (const step of ADDITIVE_STEPS) points.push([step, additiveShare(step)], [step, additiveShare(step) + 1]);
  points.push([1, ADDITIVE_STEPS.length]);
  return points;
}

/** The even samples of [0, 1], the teacher's kinks and the units' positions inside (0, 1), sorted and distinct. */
function reluGrid(u: Float64Array): Float64Array {
  const xs = new Set<number>(ADDITIVE_STEPS);
  for (let i = 0; i <= FIT_SAMPLES; i++) xs.add(i / FIT_SAMPLES);
  for (const position of u) if (position > 0 && position < 1) xs.add(position);
  return Float64Array.from(xs).sort();
}

/** sum_j a_j relu(x - u_j) at every x of the increasing grid: x A - B, A and B the sums of a_j and a_j u_j over u_j < x. */
function reluOnGrid(a: Float64Array, u: Float64Array, grid: Float64Array): Float64Array {
  const order = Uint32Array.from(u.keys()).sort((p, q) => u[p] - u[q]);
  const f = new Float64Array(grid.length);
  let next = 0;
  let sumA = 0;
  let sumAU = 0;
  for (let i = 0; i < grid.length; i++) {
    const x = grid[i];
    while (next < order.length && u[order[next]] < x) {
      sumA += a[order[next]];
      sumAU += a[order[next]] * u[order[next]];
      next++;
    }
    f[i] = x * sumA - sumAU;
  }
  return f;
}

export function fullBatchFitChartOption(series: CheckpointSeries, config: RunConfig, index: number): ChartOption {
  const { problem, d } = config.fullBatch;
  const axes = {
    xAxis: valueAxis(problem === 'relu' ? 'input x' : 'input x_k of coordinate k', false, { min: 0, max: 1 }),
    yAxis: valueAxis('output', false),
  };
  const { m, eta } = config.network;
  if (series.count === 0) return fitFrame('no checkpoint yet', axes);
  const at = shownCheckpoint(series, index);
  const { a, u, step, loss } = checkpointAt(series, at);
  const drawn = problem === 'relu' ? 1 : Math.min(d, MAX_COORDINATES);
  const curves: Float64Array[] = [];
  let target: number[][];
  if (problem === 'relu') {
    const grid = reluGrid(u);
    curves.push(interleave([grid, reluOnGrid(a, u, grid)]));
    target = [0, ...ADDITIVE_STEPS, 1].map((x) => [x, reluTeacher(x)]);
  } else {
    for (let k = 0; k < drawn; k++) {
      const uk = u.subarray(k * m, (k + 1) * m);
      // networkOnGrid reads a[0] as a bias weight: the additive model has none.
      const ak = new Float64Array(m + 1);
      ak.set(a.subarray(k * m, (k + 1) * m), 1);
      const grid = fitGrid(uk, eta, ADDITIVE_STEPS);
      curves.push(interleave([grid, networkOnGrid(ak, uk, eta, grid)]));
    }
    target = additiveTargetPoints();
  }
  const bottom = markerBand(...yRange(curves, target));
  const learned = curves.map((curve, k): LineSeries => ({
    id: `learned-${k}`,
    type: 'line',
    // Short names: ten coordinates share one legend.
    name: problem === 'relu' ? 'learned f(x)' : `g_${k + 1}`,
    data: flatRows(curve),
    dimensions: ['x', 'y'],
    showSymbol: false,
    lineStyle: seriesLineStyle(k, 2),
    color: seriesLineStyle(k, 2).color,
  }));
  const shown = drawn * m;
  const units = markerSeries(
    { id: 'units', name: 'units u', color: REFERENCE_COLOR },
    interleave([u.subarray(0, shown), new Float64Array(shown).fill(bottom), a.subarray(0, shown)]),
    (params: unknown) => unitTooltip(params, problem === 'relu' ? 0 : m),
  );
  const which =
    problem === 'relu'
      ? 'ReLU student'
      : `g_k: the share learned for coordinate k, ${drawn < d ? `coordinates 1-${drawn} of ${d}` : `${d} coordinate${d === 1 ? '' : 's'}`}`;
  return fitFrame(
    `checkpoint ${at + 1}/${series.count}: epoch ${formatCount(step)}, criterion ${formatNumber(loss)} (${which})`,
    axes,
    {
      series: [targetLine(problem === 'relu' ? 'teacher' : 'target share', target), ...learned, units],
      points: curves.reduce((n, curve) => n + curve.length / 2, 0) + shown,
    },
  );
}

/** "u_kj = ..., a_kj = ..." of the unit under the pointer (coordinate k and unit j from its row; one index for ReLU). */
function unitTooltip(params: unknown, m: number): string {
  const { dataIndex, value } = params as { dataIndex: number; value: number[] };
  const name = m === 0 ? `${dataIndex + 1}` : `${Math.floor(dataIndex / m) + 1},${(dataIndex % m) + 1}`;
  return `u_${name} = ${formatNumber(value[0])}, a_${name} = ${formatNumber(value[2])}`;
}
