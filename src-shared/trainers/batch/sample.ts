/**
 * The fixed training sample of a full-batch run (docs/MODEL.md section 5): n points x ~ U[0,1]^d and their noise-free
 * labels, with each coordinate's values sorted once so that a unit only touches the points near its position.
 */
import { relu } from '../../math/activation';
import { ArgSort } from '../../math/argsort';
import type { Rng } from '../../rng/types';

export type FullBatchProblem = 'additive' | 'relu';

/** Where each coordinate's share of the additive target steps up by 1: [x_k > .3] + [x_k > .5] + [x_k > .7]. */
export const ADDITIVE_STEPS: readonly number[] = [0.3, 0.5, 0.7];

/** One coordinate's share of the additive target. */
export function additiveShare(value: number): number {
  return (value > 0.3 ? 1 : 0) + (value > 0.5 ? 1 : 0) + (value > 0.7 ? 1 : 0);
}

/** Target of the additive problem: sum_k ([x_k > .3] + [x_k > .5] + [x_k > .7]). */
function additiveLabel(x: Float64Array, n: number, d: number, i: number): number {
  let label = 0;
  for (let k = 0; k < d; k++) label += additiveShare(x[k * n + i]);
  return label;
}

/** The ReLU teacher (d = 1): relu(x - .3) - 2 relu(x - .5) + 3 relu(x - .7). */
export function reluTeacher(x: number): number {
  return relu(x - 0.3) - 2 * relu(x - 0.5) + 3 * relu(x - 0.7);
}

function reluLabel(x: Float64Array, _n: number, _d: number, i: number): number {
  return reluTeacher(x[i]);
}

export class SortedSample {
  /** x[k * n + i]: coordinate k of point i, drawn coordinate after coordinate (like torch.rand(d, n)). */
  readonly x: Float64Array;
  /** y[i]: label of point i. */
  readonly y: Float64Array;
  /** sorted[k * n + r]: the r-th smallest value of coordinate k. */
  readonly sorted: Float64Array;
  /** point[k * n + r]: the point whose coordinate k is sorted[k * n + r]. */
  readonly point: Int32Array;

  /** Draws the n d coordinates from `rng` (coordinate-major) and labels them for `problem`. */
  constructor(
    readonly problem: FullBatchProblem,
    readonly n: number,
    readonly d: number,
    rng: Rng,
  ) {
    this.x = new Float64Array(n * d);
    for (let index = 0; index < n * d; index++) this.x[index] = rng.next();
    const label = problem === 'relu' ? reluLabel : additiveLabel;
    this.y = new Float64Array(n);
    for (let i = 0; i < n; i++) this.y[i] = label(this.x, n, d, i);
    this.sorted = new Float64Array(n * d);
    this.point = new Int32Array(n * d);
    const argsort = new ArgSort(n);
    for (let k = 0; k < d; k++) {
      const values = this.x.subarray(k * n, (k + 1) * n);
      argsort.update(values);
      this.point.set(argsort.order, k * n);
      for (let r = 0; r < n; r++) this.sorted[k * n + r] = values[argsort.order[r]];
    }
  }
}
