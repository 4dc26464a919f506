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

/**
 * Indices (increasing) of the points kept when `column` is cut to at most `maxPoints` (at least 4 are always allowed).
 * All points are kept when there are no more than maxPoints.
 */
export function decimationIndices(column: StridedColumn, maxPoints: number): Int32Array {
  const { values, count, offset = 0, stride = 1 } = column;
  const limit = Math.max(4, Math.floor(maxPoints));
  if (count <= limit) {
    const all = new Int32Array(count);
    for (let i = 0; i < count; i++) all[i] = i;
    return all;
  }
  // Interior points 1..count-2 fall into `buckets` buckets of equal index width, two kept per bucket.
  const buckets = Math.floor((limit - 2) / 2);
  const kept = new Int32Array(2 + 2 * buckets);
  let n = 0;
  kept[n++] = 0;
  const interior = count - 2;
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * interior) / buckets);
    const end = 1 + Math.floor(((b + 1) * interior) / buckets);
    let low = start;
    let high = start;
    for (let i = start + 1; i < end; i++) {
      const y = values[offset + i * stride];
      if (y < values[offset + low * stride]) low = i;
      if (y > values[offset + high * stride]) high = i;
    }
    const first = Math.min(low, high);
    const second = Math.max(low, high);
    kept[n++] = first;
    if (second !== first) kept[n++] = second;
  }
  kept[n++] = count - 1;
  return kept.slice(0, n);
}

/** Min-max decimation of the points (x[i], y[i]) to at most maxPoints points, keeping the extremes of y. */
export function decimate(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): { x: Float64Array; y: Float64Array } {
  const kept = decimationIndices({ values: y, count: Math.min(x.length, y.length) }, maxPoints);
  const outX = new Float64Array(kept.length);
  const outY = new Float64Array(kept.length);
  kept.forEach((index, k) => {
    outX[k] = x[index];
    outY[k] = y[index];
  });
  return { x: outX, y: outY };
}
