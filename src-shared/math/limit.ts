/**
 * The two-timescale limit of docs/MODEL.md section 3 (epsilon -> 0, then eta -> 0). The m neurons cut [0, 1] into the cells
 * between consecutive points of {0, u_1..u_m, 1} (sorted, neurons clamped to [0, 1]); for frozen u the fast problem
 * makes the network equal to the cell average of f* on each cell, and the slow time tau moves the neurons down the
 * gradient of the reduced loss L0(u) = sum over cells of int (f* - average)^2.
 *
 * On a cell [p, q] whose jumps Delta at v lie strictly inside, with D = q - p:
 *   average = f*(p+) + sum Delta (q - v) / D,  f*(p+) - average = -sum Delta (q - v) / D,  f*(q-) - average = sum Delta (v - p) / D,
 * and moving an end changes int (f* - average)^2 by the squared gap at that end (the average is optimal), so
 * dL0/du_j = (f*(u_j-) - average on its left)^2 - (f*(u_j+) - average on its right)^2.
 * With one jump per cell this is the authors' field: du_L/dtau = Delta^2 (d_R/D)^2, du_R/dtau = -Delta^2 (d_L/D)^2, and
 * a neuron whose cells hold no jump (or that sits on its jump) does not move.
 */
import type { Target } from '../config/schema';
import { ArgSort } from './argsort';
import { GAUSS_NODES, GAUSS_WEIGHTS } from './quadrature';

/** Per-cell facts of one subdivision, cell c lying between the c-th and (c+1)-th sorted point of {0, u, 1}. */
export class LimitWorkspace {
  /** sorted.order[r]: index of the r-th leftmost neuron. */
  readonly sorted: ArgSort;
  /** average[c]: cell average of f* on cell c (the fast solution there; f*(p) on an empty cell). */
  readonly average: Float64Array;
  /** variance[c]: int over cell c of (f* - average[c])^2, its share of L0. */
  readonly variance: Float64Array;
  /** leftGap[c]: (f*(p+) - average[c])^2 at the cell's left end p. */
  readonly leftGap: Float64Array;
  /** rightGap[c]: (f*(q-) - average[c])^2 at the cell's right end q. */
  readonly rightGap: Float64Array;

  constructor(m: number) {
    this.sorted = new ArgSort(m);
    this.average = new Float64Array(m + 1);
    this.variance = new Float64Array(m + 1);
    this.leftGap = new Float64Array(m + 1);
    this.rightGap = new Float64Array(m + 1);
  }
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Index of the first jump of f* strictly right of p, searching from `from`. */
function firstJumpAfter(target: Target, p: number, from: number): number {
  let i = from;
  while (i < target.positions.length && target.positions[i] <= p) i++;
  return i;
}

/** f*(p+), the level just right of p. */
function levelAfter(target: Target, p: number): number {
  let level = target.values[0];
  for (let i = 0; i < target.positions.length && target.positions[i] <= p; i++) level += target.values[i + 1];
  return level;
}

/** Fills cell c = [p, q] of `ws`; `first` is the first jump right of p and `level` is f*(p+). */
function describeCell(
  target: Target,
  p: number,
  q: number,
  first: number,
  level: number,
  ws: LimitWorkspace,
  c: number,
): void {
  const { positions, values } = target;
  const width = q - p;
  let last = first;
  let belowAverage = 0; // sum Delta (q - v) / D = average - f*(p+)
  while (last < positions.length && positions[last] < q) {
    belowAverage += (values[last + 1] * (q - positions[last])) / width;
    last++;
  }
  ws.average[c] = level + belowAverage;
  ws.leftGap[c] = belowAverage * belowAverage;
  let aboveAverage = 0; // sum Delta (v - p) / D = f*(q-) - average
  let deviation = -belowAverage; // f* - average on the current piece
  let variance = 0;
  let left = p;
  for (let i = first; i < last; i++) {
    variance += (positions[i] - left) * deviation * deviation;
    left = positions[i];
    deviation += values[i + 1];
    aboveAverage += (values[i + 1] * (positions[i] - p)) / width;
  }
  ws.variance[c] = first === last ? 0 : variance + (q - left) * deviation * deviation;
  ws.rightGap[c] = aboveAverage * aboveAverage;
}

/** Sorts the neurons and describes every cell of the subdivision into `ws`. */
function scanCells(target: Target, u: Float64Array, ws: LimitWorkspace): void {
  ws.sorted.update(u);
  const order = ws.sorted.order;
  const m = u.length;
  let p = 0;
  let level = target.values[0];
  let jump = 0;
  for (let c = 0; c <= m; c++) {
    const q = c < m ? clamp01(u[order[c]]) : 1;
    describeCell(target, p, q, jump, level, ws, c);
    for (; jump < target.positions.length && target.positions[jump] <= q; jump++) level += target.values[jump + 1];
    p = q;
  }
}

/**
 * Why the limit is undefined for u, or null when every closed target piece [0, v_1], ..., [v_n, 1] holds at least two
 * neurons (a neuron on a jump counts for both pieces; neurons outside [0, 1] count for none).
 */
export function subdivisionProblem(target: Target, u: Float64Array): string | null {
  const ends = [0, ...target.positions, 1];
  for (let k = 0; k + 1 < ends.length; k++) {
    let count = 0;
    for (let j = 0; j < u.length; j++) if (u[j] >= ends[k] && u[j] <= ends[k + 1]) count++;
    if (count < 2)
      return `the target piece [${ends[k]}, ${ends[k + 1]}] holds ${count} neuron${count === 1 ? '' : 's'}, it needs at least 2`;
  }
  return null;
}

/** True when every closed target piece holds at least two neurons (the bias excluded). */
export function validSubdivision(target: Target, u: Float64Array): boolean {
  return subdivisionProblem(target, u) === null;
}

/** The fast solution at x: the cell average of f* on the cell [p, q) holding x (cells are closed on the left). */
export function fastSolution(target: Target, u: Float64Array, x: number): number {
  const at = clamp01(x);
  let p = 0;
  let q = 1;
  for (let j = 0; j < u.length; j++) {
    const position = clamp01(u[j]);
    if (position <= at && position > p) p = position;
    if (position > at && position < q) q = position;
  }
  if (!(q > p)) return levelAfter(target, p);
  const ws = new LimitWorkspace(0);
  describeCell(target, p, q, firstJumpAfter(target, p, 0), levelAfter(target, p), ws, 0);
  return ws.average[0];
}

/** L0(u) = sum over cells of int (f* - average)^2; with one jump per cell, sum Delta^2 d_L d_R / (d_L + d_R). */
export function reducedLoss(target: Target, u: Float64Array, ws = new LimitWorkspace(u.length)): number {
  scanCells(target, u, ws);
  let loss = 0;
  for (let c = 0; c <= u.length; c++) loss += ws.variance[c];
  return loss;
}

/** out[j] = dL0/du_j, so that du/dtau = -out; 0 for neurons that flank no jump or lie outside (0, 1). */
export function limitDerivatives(
  target: Target,
  u: Float64Array,
  out: Float64Array,
  ws = new LimitWorkspace(u.length),
): void {
  scanCells(target, u, ws);
  const order = ws.sorted.order;
  for (let r = 0; r < u.length; r++) {
    const j = order[r];
    out[j] = u[j] > 0 && u[j] < 1 ? ws.rightGap[r] - ws.leftGap[r + 1] : 0;
  }
}

/** The fast solution as network weights (eta -> 0): a[0] the first cell's average, a[j+1] the step at neuron j. */
export function fastSolutionWeights(
  target: Target,
  u: Float64Array,
  a: Float64Array,
  ws = new LimitWorkspace(u.length),
): void {
  scanCells(target, u, ws);
  const order = ws.sorted.order;
  a[0] = ws.average[0];
  for (let r = 0; r < u.length; r++) a[order[r] + 1] = ws.average[r + 1] - ws.average[r];
}

/** int_a^b g by 4-point Gauss-Legendre, halving until the two levels agree within tol. */
function integrate(
  g: (x: number) => number,
  a: number,
  b: number,
  tol: number,
  whole = gauss4(g, a, b),
  depth = 0,
): number {
  const middle = (a + b) / 2;
  const left = gauss4(g, a, middle);
  const right = gauss4(g, middle, b);
  if (Math.abs(left + right - whole) <= tol || depth >= 48) return left + right;
  return integrate(g, a, middle, tol / 2, left, depth + 1) + integrate(g, middle, b, tol / 2, right, depth + 1);
}

function gauss4(g: (x: number) => number, a: number, b: number): number {
  const half = (b - a) / 2;
  const centre = (a + b) / 2;
  let sum = 0;
  for (let q = 0; q < GAUSS_NODES.length; q++) sum += GAUSS_WEIGHTS[q] * g(centre + half * GAUSS_NODES[q]);
  return sum * half;
}

/**
 * One flank pair of a jump Delta, exactly: the nearer flank at distance s, the farther at w = (s^3 + k)^(1/3) since
 * k = w^3 - s^3 >= 0 is conserved, and ds/dtau = -Delta^2 (w / (s + w))^2. Returns the near distance after `dtau`
 * (0 once it has arrived, where the pair stops): the root s' of int_{s'}^{s} (1 + x / w(x))^2 dx = Delta^2 dtau, found
 * by Newton's method, which approaches it monotonically from above because the integrand increases with x.
 */
export function nearDistanceAfter(s: number, k: number, delta2: number, dtau: number): number {
  const budget = delta2 * dtau;
  // an arrived flank or no time: written !(s > 0) so that a NaN goes here too, never into Newton's iteration
  if (!(s > 0) || !(budget > 0)) return s > 0 ? s : 0;
  if (k === 0) return Math.max(0, s - budget / 4);
  const speed = (x: number): number => {
    const ratio = x / Math.cbrt(x * x * x + k);
    return (1 + ratio) * (1 + ratio);
  };
  const tol = 1e-15 * s;
  let x = s;
  let spent = 0; // int_x^s speed
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = Math.max(0, x + (spent - budget) / speed(x));
    spent += next < x ? integrate(speed, next, x, tol) : -integrate(speed, x, next, tol);
    if (next === 0 && spent <= budget) return 0;
    const moved = Math.abs(x - next);
    x = next;
    if (moved <= 1e-15 * s) break;
  }
  return x;
}
