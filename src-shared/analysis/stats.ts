/** Order statistics of a sample: median, quantiles and the five numbers of a box plot. */

/** The sorted finite values of `values` (a fresh array). */
export function sortedFinite(values: Iterable<number>): Float64Array {
  return Float64Array.from([...values].filter(Number.isFinite)).sort();
}

/**
 * Quantile q in [0, 1] of an increasingly sorted sample, interpolating linearly between order statistics
 * (numpy's default "linear" method, R type 7). NaN for an empty sample.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = (n - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

export function median(values: Iterable<number>): number {
  return quantileSorted(sortedFinite(values), 0.5);
}

/** The five numbers a box plot draws, with the sample size. */
export interface BoxStats {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** n: number of finite values the box summarises. */
  n: number;
}

/** Box of the finite values: minimum, quartiles, median and maximum (whiskers span the whole sample). */
export function boxStats(values: Iterable<number>): BoxStats {
  const sorted = sortedFinite(values);
  return {
    min: sorted.length ? sorted[0] : NaN,
    q1: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q3: quantileSorted(sorted, 0.75),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    n: sorted.length,
  };
}
