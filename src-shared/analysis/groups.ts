/**
 * Runs that differ only by their seed, pooled: one curve per group, the median over the group's runs with a quantile
 * band (10-90% by default) at every time of the group's longest run.
 */
import type { RunConfig } from '../config/schema';
import { flattenConfig } from './configFields';
import { bandOf, type BandKind, type Interval } from './intervals';
import { quantileSorted } from './stats';

/** A configuration without its seed as text: equal keys mean the same run up to the seed. */
export function seedlessKey(config: RunConfig): string {
  const fields = flattenConfig(config);
  fields.delete('seed');
  return JSON.stringify([...fields]);
}

/** Indices of `configs` grouped by seedlessKey; groups and their members in order of first appearance. */
export function seedGroups(configs: readonly RunConfig[]): number[][] {
  const groups = new Map<string, number[]>();
  configs.forEach((config, i) => {
    const key = seedlessKey(config);
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()];
}

/** One curve of a group: values[i] recorded at time[i] (time increasing), count points. */
export interface Curve {
  time: Float64Array;
  values: Float64Array;
  count: number;
}

/** Quantiles of several curves at the times of the longest one. */
export interface QuantileBand {
  /** time[i]: the i-th checkpoint time of the group's longest curve. */
  time: Float64Array;
  /** low[i], median[i], high[i]: quantiles lowQ, 0.5 and highQ of the curves that reach time[i]. */
  low: Float64Array;
  median: Float64Array;
  high: Float64Array;
  /** runs[i]: number of curves whose recorded range holds time[i]. */
  runs: Int32Array;
}

/**
 * The band of `curves` (at least one): each curve is read at every time of the longest curve by linear interpolation
 * between its neighbouring checkpoints (exact when the runs share a checkpoint schedule, as seeds of one configuration
 * do); a curve that stopped earlier (cancelled) leaves the band from then on.
 */
export function quantileBand(curves: readonly Curve[], lowQ = 0.1, highQ = 0.9): QuantileBand {
  return summaryBand(curves, (sorted) => ({
    low: quantileSorted(sorted, lowQ),
    estimate: quantileSorted(sorted, 0.5),
    high: quantileSorted(sorted, highQ),
  }));
}

/**
 * The seed band of `kind` (median with IQR or 10-90 %, or mean with its 95 % CI) read like quantileBand; `median`
 * then holds the band's centre (the mean for mean-ci).
 */
export function seedBand(curves: readonly Curve[], kind: BandKind): QuantileBand {
  return summaryBand(curves, (sorted) => bandOf(sorted, kind));
}

/** The band whose low, centre and high at each time are `summarise` of the sorted values of the curves there. */
function summaryBand(curves: readonly Curve[], summarise: (sorted: Float64Array) => Interval): QuantileBand {
  const longest = curves.reduce((best, curve) => (curve.count > best.count ? curve : best), curves[0]);
  const n = longest.count;
  const band: QuantileBand = {
    time: longest.time.slice(0, n),
    low: new Float64Array(n),
    median: new Float64Array(n),
    high: new Float64Array(n),
    runs: new Int32Array(n),
  };
  /** cursor[c]: index of the first checkpoint of curve c at or after the current time. */
  const cursor = new Int32Array(curves.length);
  /** sample[0..k-1]: values of the curves reaching the current time. */
  const sample = new Float64Array(curves.length);
  for (let i = 0; i < n; i++) {
    const t = band.time[i];
    let k = 0;
    curves.forEach((curve, c) => {
      let j = cursor[c];
      while (j < curve.count && curve.time[j] < t) j++;
      cursor[c] = j;
      if (j === curve.count || (j === 0 && curve.time[0] > t)) return;
      const exact = curve.time[j] === t;
      sample[k++] = exact ? curve.values[j] : interpolate(curve, j - 1, j, t);
    });
    const summary = summarise(sample.subarray(0, k).sort());
    band.low[i] = summary.low;
    band.median[i] = summary.estimate;
    band.high[i] = summary.high;
    band.runs[i] = k;
  }
  return band;
}

/** The curve's value at t between its checkpoints `before` and `after`. */
function interpolate(curve: Curve, before: number, after: number, t: number): number {
  const { time, values } = curve;
  const share = (t - time[before]) / (time[after] - time[before]);
  return values[before] + share * (values[after] - values[before]);
}
