/** Turns decimated columns into the [x, y] pairs a line series draws. */
import { decimationIndices, type StridedColumn } from './decimate';

export interface PointOptions {
  /** logX: leave out points with x <= 0 (they have no place on a log axis). */
  logX?: boolean;
  /** floor: draw y below this value at the value (a log axis cannot show 0); the true y stays as a third entry. */
  floor?: number;
}

/** Pairs [x, y] (or [x, max(y, floor), y] with a floor) of at most maxPoints points of the column, extremes kept. */
export function columnPoints(time: Float64Array, column: StridedColumn, maxPoints: number, options: PointOptions = {}): number[][] {
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

/** Whether any y of the column lies below floor (so the legend must say values were clipped). */
export function hasValuesBelow(values: ArrayLike<number>, floor: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] < floor) return true;
  return false;
}
