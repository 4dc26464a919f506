/**
 * Does an initialisation give every closed target piece [0, v_1], ..., [v_n, 1] at least two neurons (the condition
 * under which the two-timescale limit is defined, docs/MODEL.md section 3)? For m sorted U[0,1] draws this is the
 * probability that a multinomial(m; p_0..p_n) count, p_k the piece lengths, puts >= 2 in every piece.
 */
import type { Target } from '../config/schema';

/** A term of a binomial row smaller than this fraction of the row's largest term is left out (far below rounding). */
const NEGLIGIBLE = 1e-18;
/** Above this many neuron-pieces (m times the number of pieces) the exact sum is not attempted (it would take seconds). */
export const MAX_EXACT_WORK = 5_000_000;

/** Lengths p_k of the target pieces [0, v_1], [v_1, v_2], ..., [v_n, 1]. */
export function pieceLengths(target: Target): Float64Array {
  const ends = [0, ...target.positions, 1];
  const lengths = new Float64Array(ends.length - 1);
  for (let k = 0; k < lengths.length; k++) lengths[k] = ends[k + 1] - ends[k];
  return lengths;
}

/**
 * Adds weight * P(Binomial(r, q) = k) to next[r - k] for every k >= 2 (terms below NEGLIGIBLE of the largest left out).
 * The row is walked from its mode with the ratio of consecutive terms and normalised by its own sum, so no factorial is
 * ever formed and every term keeps full relative precision.
 */
function spreadBinomial(r: number, q: number, weight: number, next: Float64Array, row: Float64Array): void {
  const mode = Math.min(r, Math.floor((r + 1) * q));
  const up = q / (1 - q);
  row[mode] = 1;
  let sum = 1;
  let low = mode;
  let high = mode;
  while (high < r && row[high] > NEGLIGIBLE) {
    row[high + 1] = (row[high] * (r - high) * up) / (high + 1);
    sum += row[++high];
  }
  while (low > 0 && row[low] > NEGLIGIBLE) {
    row[low - 1] = (row[low] * low) / ((r - low + 1) * up);
    sum += row[--low];
  }
  for (let k = Math.max(2, low); k <= high; k++) next[r - k] += (weight * row[k]) / sum;
}

/**
 * P(every target piece holds >= 2 of m independent U[0,1] positions), by a sum over pieces: piece k receives a
 * Binomial(r, p_k / (p_k + ... + p_n)) share of the r neurons not yet placed, and the last piece takes the rest.
 * Returns null when m times the number of pieces exceeds MAX_EXACT_WORK.
 */
export function uniformInitValidProbability(target: Target, m: number): number | null {
  const lengths = pieceLengths(target);
  const pieces = lengths.length;
  if (m < 2 * pieces) return 0;
  if (m * pieces > MAX_EXACT_WORK) return null;
  /** remaining[r]: probability that the pieces placed so far each hold >= 2 and r neurons are left. */
  let remaining = new Float64Array(m + 1);
  /** next: the same after the current piece. */
  let next = new Float64Array(m + 1);
  /** row[k]: unnormalised binomial terms of the row being spread. */
  const row = new Float64Array(m + 1);
  remaining[m] = 1;
  /** rest: length p_k + ... + p_n of the pieces not yet placed. */
  let rest = lengths.reduce((sum, p) => sum + p, 0);
  for (let k = 0; k + 1 < pieces; k++) {
    // Below 1 since later pieces have positive length; clamped against rounding.
    const q = Math.min(1 - Number.EPSILON, lengths[k] / rest);
    next.fill(0);
    let largest = 0;
    for (let r = 0; r <= m; r++) largest = Math.max(largest, remaining[r]);
    for (let r = 2; r <= m; r++) if (remaining[r] > NEGLIGIBLE * largest) spreadBinomial(r, q, remaining[r], next, row);
    [remaining, next] = [next, remaining];
    rest -= lengths[k];
  }
  let probability = 0;
  for (let r = 2; r <= m; r++) probability += remaining[r];
  return Math.min(1, probability);
}
