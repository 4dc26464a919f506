/**
 * Display decimation: keeps the minimum and the maximum of y in each bucket of consecutive points, plus the first and
 * last points, so peaks and the final value survive (unlike plain striding). Stored data keep full resolution; this only
 * shrinks what a chart draws.
 */

/** A column read with a stride: point i is values[offset + i * stride] (a neuron's column inside a flattened series). */
export interface StridedColumn {
  values: ArrayLike<number>;
  /** Number of points in the column. */
  count: number;
  offset?: number;
  stride?: number;
}

/** Columns offset..offset+columns-1 of rows `stride` apart: point i of column k is values[offset + k + i * stride]. */
export interface StridedBlock {
  values: ArrayLike<number>;
  /** Number of points in each column. */
  count: number;
  columns: number;
  offset?: number;
  stride?: number;
}

/** The points of one column kept for display. */
export interface KeptPoints {
  /** indices[n]: index (increasing) of the n-th kept point in the column. */
  indices: Int32Array;
  /** y[n]: its value. */
  y: Float64Array;
}

/**
 * Indices (increasing) of the points kept when `column` is cut to at most `maxPoints` (at least 4 are always allowed).
 * All points are kept when there are no more than maxPoints.
 */
export function decimationIndices(column: StridedColumn, maxPoints: number): Int32Array {
  return decimateColumns({ ...column, columns: 1 }, maxPoints)[0].indices;
}

/**
 * The points decimationIndices keeps, for every column of the block at once, read row by row: the columns of a
 * thousand neurons read one at a time, a row (8 kB) apart, would miss the cache at every point.
 */
export function decimateColumns(block: StridedBlock, maxPoints: number): KeptPoints[] {
  const { count, columns } = block;
  const limit = Math.max(4, Math.floor(maxPoints));
  // Interior points 1..count-2 fall into `buckets` buckets of equal index width, two kept per bucket (one if the
  // bucket's minimum and maximum are the same point); no buckets when every point is kept.
  const buckets = count <= limit ? 0 : Math.floor((limit - 2) / 2);
  const width = count <= limit ? count : 2 + 2 * buckets;
  const kept: Kept = {
    index: new Int32Array(columns * width),
    y: new Float64Array(columns * width),
    used: new Int32Array(columns),
    width,
  };
  if (buckets === 0) for (let i = 0; i < count; i++) keepRow(kept, block, i);
  else keepBucketExtremes(kept, block, buckets);
  return Array.from({ length: columns }, (_, k) => ({
    indices: kept.index.subarray(k * width, k * width + kept.used[k]),
    y: kept.y.subarray(k * width, k * width + kept.used[k]),
  }));
}

/** Points kept so far: column k's n-th at k * width + n in `index` (its index in the column) and `y` (its value). */
interface Kept {
  index: Int32Array;
  y: Float64Array;
  /** used[k]: number of points column k has kept so far. */
  used: Int32Array;
  width: number;
}

function keep(kept: Kept, k: number, i: number, y: number) {
  const at = k * kept.width + kept.used[k]++;
  kept.index[at] = i;
  kept.y[at] = y;
}

/** Keeps point i of every column. */
function keepRow(kept: Kept, block: StridedBlock, i: number) {
  const { values, columns, offset = 0, stride = 1 } = block;
  for (let k = 0; k < columns; k++) keep(kept, k, i, values[offset + i * stride + k]);
}

/** Keeps the first row, each column's minimum and maximum in every bucket (in index order), and the last row. */
function keepBucketExtremes(kept: Kept, block: StridedBlock, buckets: number) {
  const { values, count, columns, offset = 0, stride = 1 } = block;
  const interior = count - 2;
  // low[k], high[k]: index in the current bucket of column k's smallest and largest value so far; lowY, highY: values.
  const low = new Int32Array(columns);
  const high = new Int32Array(columns);
  const lowY = new Float64Array(columns);
  const highY = new Float64Array(columns);
  keepRow(kept, block, 0);
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * interior) / buckets);
    const end = 1 + Math.floor(((b + 1) * interior) / buckets);
    for (let k = 0; k < columns; k++) {
      lowY[k] = highY[k] = values[offset + start * stride + k];
      low[k] = high[k] = start;
    }
    for (let i = start + 1; i < end; i++) {
      const row = offset + i * stride;
      for (let k = 0; k < columns; k++) {
        const y = values[row + k];
        if (y < lowY[k]) {
          lowY[k] = y;
          low[k] = i;
        } else if (y > highY[k]) {
          highY[k] = y;
          high[k] = i;
        }
      }
    }
    for (let k = 0; k < columns; k++) {
      const lowFirst = low[k] <= high[k];
      keep(kept, k, lowFirst ? low[k] : high[k], lowFirst ? lowY[k] : highY[k]);
      if (low[k] !== high[k]) keep(kept, k, lowFirst ? high[k] : low[k], lowFirst ? highY[k] : lowY[k]);
    }
  }
  keepRow(kept, block, count - 1);
}
