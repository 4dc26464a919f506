/**
 * The learned curve of the fit chart: where to sample f(x; a, u) on [0, 1], and f at those x in one sweep, so that a
 * thousand neurons cost O(grid + m log m) instead of O(grid x m).
 */
import { sigma } from '../math/activation';

/** Evenly spaced samples of [0, 1]; the network's own breakpoints are added so no bend is cut. */
export const FIT_SAMPLES = 600;
/**
 * A neuron breakpoint closer than this (in sample steps) to the breakpoint kept before it is left out: far below a pixel,
 * and it keeps neurons bunched at a jump from adding thousands of points there.
 */
const BREAKPOINT_GAP = 0.1;

/**
 * Sorted distinct x in [0, 1]: the even samples and every jump, always; and each neuron's centre and the ends of its
 * ramp, unless within BREAKPOINT_GAP sample steps of the breakpoint kept before.
 */
export function fitGrid(u: Float64Array, eta: number, jumps: readonly number[], samples = FIT_SAMPLES): Float64Array {
  // fixed: the even samples and the jumps, sorted; breaks: the neurons' breakpoints inside (0, 1), sorted.
  const fixed = new Float64Array(samples + 1 + jumps.length);
  for (let i = 0; i <= samples; i++) fixed[i] = i / samples;
  jumps.forEach((v, k) => (fixed[samples + 1 + k] = v));
  fixed.sort();
  const breaks = new Float64Array(3 * u.length);
  let count = 0;
  for (const center of u)
    for (const x of [center - eta / 2, center, center + eta / 2]) if (x > 0 && x < 1) breaks[count++] = x;
  const sorted = breaks.subarray(0, count).sort();
  const gap = BREAKPOINT_GAP / samples;
  const grid = new Float64Array(fixed.length + count);
  let n = 0;
  // kept: the last breakpoint put in the grid.
  let kept = -Infinity;
  for (let i = 0, b = 0; i < fixed.length || b < count;) {
    const isFixed = b === count || (i < fixed.length && fixed[i] <= sorted[b]);
    const x = isFixed ? fixed[i++] : sorted[b++];
    if ((n > 0 && x === grid[n - 1]) || (!isFixed && x - kept < gap)) continue;
    if (!isFixed) kept = x;
    grid[n++] = x;
  }
  return grid.slice(0, n);
}

/**
 * f(x; a, u) at every x of the increasing `grid`, as evalNetwork computes it term by term, but in one sweep: with the
 * neurons sorted by u, those fully on at x form a prefix (their weights summed once as x passes them) and those still
 * off a suffix, so sigma is evaluated only for the few neurons whose ramp of width eta holds x.
 */
export function networkOnGrid(a: Float64Array, u: Float64Array, eta: number, grid: Float64Array): Float64Array {
  // order[k]: index j of the neuron with the k-th smallest u_j.
  const order = Uint32Array.from(u.keys()).sort((p, q) => u[p] - u[q]);
  // f[i]: f(grid[i]).
  const f = new Float64Array(grid.length);
  // on: neurons order[0..on-1] have sigma = 1 at x, their weights summing to onSum; end: order[end..] have sigma = 0.
  let on = 0;
  let end = 0;
  let onSum = 0;
  for (let i = 0; i < grid.length; i++) {
    const x = grid[i];
    // The same test sigma makes ((x - u) / eta >= 1/2 means 1), which is monotone in x and in u.
    while (on < u.length && (x - u[order[on]]) / eta >= 0.5) onSum += a[order[on++] + 1];
    if (end < on) end = on;
    while (end < u.length && (x - u[order[end]]) / eta > -0.5) end++;
    let value = a[0] * sigma((x + eta / 2) / eta) + onSum;
    for (let k = on; k < end; k++) value += a[order[k] + 1] * sigma((x - u[order[k]]) / eta);
    f[i] = value;
  }
  return f;
}
