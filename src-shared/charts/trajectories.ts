/** Trajectories over time of every entry of a per-checkpoint parameter (neuron positions u_j, weights a_j). */
import type { CheckpointSeries } from '../api/contract';
import { decimationIndices, type StridedColumn } from './decimate';
import { columnPoints } from './points';
import type { LineSeries } from './frame';

/** Up to this many entries get a series each (hover shows which one); beyond, all share one series with gaps. */
const SEPARATE_LINES_LIMIT = 64;
/** Points per line when there are many lines: 1,000 neurons x 200 points stay quick to draw. */
export const MANY_LINES_POINTS = 200;
/** Points per line when there are few. */
const FEW_LINES_POINTS = 1000;

export interface TrajectoryOptions {
  /** name: the legend entry all lines share, e.g. "neuron positions u_j". */
  name: string;
  /** label(j): the name of entry j in the tooltip, e.g. "u_3". */
  label: (j: number) => string;
  logX?: boolean;
  /** first, end: the entries drawn are first..end-1 (default all; first = 1 skips the bias weight a_0). */
  first?: number;
  end?: number;
}

/** Line series of the chosen entries of `values` (width entries per checkpoint) against `time`. */
export function trajectorySeries(series: CheckpointSeries, time: Float64Array, values: Float64Array, width: number, options: TrajectoryOptions): LineSeries[] {
  const first = options.first ?? 0;
  const end = Math.min(width, options.end ?? width);
  const lines = Math.max(0, end - first);
  const column = (j: number) => ({ values, count: series.count, offset: j, stride: width });
  const many = lines > SEPARATE_LINES_LIMIT;
  // Many lines: thinner and translucent, so dense bundles read as density instead of a solid block.
  const lineStyle = many ? { width: 0.6, opacity: 0.35 } : { width: 1 };
  const common = { type: 'line', name: options.name, showSymbol: false, lineStyle, emphasis: { disabled: many } } as const;
  if (!many) {
    return Array.from({ length: lines }, (_, k) => ({
      ...common,
      id: options.label(first + k),
      data: columnPoints(time, column(first + k), FEW_LINES_POINTS, { logX: options.logX }),
    }));
  }
  // ECharts reads a flat typed array as rows of `dimensions.length` numbers; its option types only list plain arrays.
  const data = gappedPolyline(time, lines, (k) => column(first + k), options.logX) as unknown as LineSeries['data'];
  return [{ ...common, id: `${options.name} (all)`, dimensions: ['x', 'y'], data, connectNulls: false, silent: true }];
}

/**
 * All columns as one flat [x0, y0, x1, y1, ...] array, each column decimated to MANY_LINES_POINTS and followed by a
 * (NaN, NaN) point that breaks the line: far cheaper to build and draw than a thousand series or 200,000 small arrays.
 */
function gappedPolyline(time: Float64Array, lines: number, column: (k: number) => StridedColumn, logX = false): Float64Array {
  const kept = Array.from({ length: lines }, (_, k) => {
    const indices = decimationIndices(column(k), MANY_LINES_POINTS);
    return logX ? indices.filter((i) => time[i] > 0) : indices;
  });
  const flat = new Float64Array(2 * kept.reduce((n, indices) => n + indices.length + 1, 0));
  let n = 0;
  kept.forEach((indices, k) => {
    const { values, offset = 0, stride = 1 } = column(k);
    for (const i of indices) {
      flat[n++] = time[i];
      flat[n++] = values[offset + i * stride];
    }
    flat[n++] = NaN;
    flat[n++] = NaN;
  });
  return flat;
}

/** Number of points in line series (flat typed arrays hold two numbers per point), to decide on animation. */
export function countPoints(lines: LineSeries[]): number {
  return lines.reduce((n, line) => n + (ArrayBuffer.isView(line.data) ? line.data.length / 2 : Array.isArray(line.data) ? line.data.length : 0), 0);
}
