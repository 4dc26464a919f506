/** Turns decimated columns into the points a line series draws: [x, y] pairs, or one flat typed array. */
import { decimationIndices, type KeptPoints, type StridedColumn } from './decimate';

export interface PointOptions {
  /** logX: leave out points with x <= 0 (they have no place on a log axis). */
  logX?: boolean;
  /** floor: draw y below this value at the value (a log axis cannot show 0); the true y stays as a third entry. */
  floor?: number;
}

/** Pairs [x, y] (or [x, max(y, floor), y] with a floor) of at most maxPoints points of the column, extremes kept. */
export function columnPoints(
  time: Float64Array,
  column: StridedColumn,
  maxPoints: number,
  options: PointOptions = {},
): number[][] {
  const { values, offset = 0, stride = 1 } = column;
  const points: number[][] = [];
  for (const i of decimationIndices(column, maxPoints)) {
    const x = time[i];
    if (options.logX && !(x > 0)) continue;
    const y = values[offset + i * stride];
    points.push(options.floor === undefined ? [x, y] : [x, Math.max(y, options.floor), y]);
  }
  return points;
}

/**
 * The kept points (time[i], y) of each column as one flat [x0, y0, x1, y1, ...] array, a (NaN, NaN) point between two
 * columns breaking the line; with logX, points at time <= 0 are left out. A line series given this with dimensions
 * ['x', 'y'] is neither deep-copied by ECharts' setOption nor costs one small array per point to build and collect.
 */
export function flatPoints(time: Float64Array, columns: readonly KeptPoints[], logX = false): Float64Array {
  const xy = new Float64Array(
    2 *
      Math.max(
        0,
        columns.reduce((n, kept) => n + kept.indices.length + 1, -1),
      ),
  );
  let n = 0;
  columns.forEach(({ indices, y }, k) => {
    if (k > 0) {
      xy[n++] = NaN;
      xy[n++] = NaN;
    }
    for (let p = 0; p < indices.length; p++) {
      const x = time[indices[p]];
      if (logX && !(x > 0)) continue;
      xy[n++] = x;
      xy[n++] = y[p];
    }
  });
  return xy.subarray(0, n);
}

/** Whether any y of the column lies below floor (so the legend must say values were clipped). */
export function hasValuesBelow(values: ArrayLike<number>, floor: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] < floor) return true;
  return false;
}
