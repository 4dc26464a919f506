/**
 * Uncertainty of small samples, as the comparison and sweep charts draw it: Wilson score intervals for proportions
 * (P(converged)), Student-t confidence intervals for means, and the seed bands a chart can shade.
 */
import { quantileSorted } from './stats';

/** A point estimate with the ends of its interval. */
export interface Interval {
  estimate: number;
  low: number;
  high: number;
}

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal. */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a proportion, `successes` out of `n` (Wilson 1927; Agresti & Coull 1998 recommend it over
 * the normal approximation for small n and proportions near 0 or 1). NaN ends for n = 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) return { estimate: NaN, low: NaN, high: NaN };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 or n successes one end is exactly 0 or 1; rounding would leave it a hair inside.
  return {
    estimate: p,
    low: successes <= 0 ? 0 : Math.max(0, centre - half),
    high: successes >= n ? 1 : Math.min(1, centre + half),
  };
}

/** Two-sided 95 % critical values of Student's t for 1 to 30 degrees of freedom (standard tables). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/**
 * t_{0.975, df}: the table up to 30 degrees of freedom, above it the Cornish-Fisher expansion around z (error below
 * 1e-4 there, Abramowitz & Stegun 26.7.5).
 */
export function tCritical95(df: number): number {
  if (df < 1) return NaN;
  if (df <= T95.length) return T95[Math.floor(df) - 1];
  const z = Z95;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

/** Mean of the sample with its 95 % confidence interval (mean ± t·s/√n); the interval is the mean alone for n = 1. */
export function meanInterval(values: ArrayLike<number>): Interval {
  const n = values.length;
  if (n === 0) return { estimate: NaN, low: NaN, high: NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = sum / n;
  if (n === 1) return { estimate: mean, low: mean, high: mean };
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  const half = (tCritical95(n - 1) * Math.sqrt(squares / (n - 1))) / Math.sqrt(n);
  return { estimate: mean, low: mean - half, high: mean + half };
}

/** What a seed band shows: median with the interquartile range, median with 10-90 %, or mean with its 95 % CI. */
export const bandKinds = ['iqr', 'p10-90', 'mean-ci'] as const;
export type BandKind = (typeof bandKinds)[number];

/** How a legend says which band is drawn. */
export const bandLabels: Record<BandKind, { centre: string; band: string }> = {
  iqr: { centre: 'median', band: 'interquartile range (25–75 %)' },
  'p10-90': { centre: 'median', band: '10–90 % of the seeds' },
  'mean-ci': { centre: 'mean', band: '95 % confidence interval of the mean' },
};

/** The band of an increasingly sorted sample: its centre (median or mean) and the ends of the band. */
export function bandOf(sorted: ArrayLike<number>, kind: BandKind): Interval {
  if (kind === 'mean-ci') return meanInterval(sorted);
  const [lowQ, highQ] = kind === 'iqr' ? [0.25, 0.75] : [0.1, 0.9];
  return {
    estimate: quantileSorted(sorted, 0.5),
    low: quantileSorted(sorted, lowQ),
    high: quantileSorted(sorted, highQ),
  };
}
