/**
 * The units of one coordinate, evaluated over that coordinate's sorted points xs[0..n). A smoothed step is 0 left of
 * u - eta/2 and 1 right of u + eta/2, a ReLU is 0 left of u and linear right of it: each unit adds a constant (or a
 * linear function) to a suffix of the sorted points, which a difference array accumulates in one pass, plus (for the
 * step) a window of about eta n points computed one by one. Gradients read suffix sums of the back-propagated weights.
 */
import { sigma, sigmaPrime } from '../../math/activation';

/** One coordinate's sorted points, its units and their gradient (views into the trainer's flat buffers, made once). */
export interface CoordinateView {
  /** xs[r]: the r-th smallest value of this coordinate. */
  xs: Float64Array;
  a: Float64Array;
  u: Float64Array;
  gradA: Float64Array;
  gradU: Float64Array;
}

export interface CoordinateUnits {
  /** out[r] += sum_j a[j] phi(xs[r] - u[j]) for every sorted point r. */
  addOutputs(c: CoordinateView, out: Float64Array): void;
  /**
   * Given g[r], the derivative of the criterion with respect to the output at sorted point r:
   * gradA[j] = sum_r g[r] phi(xs[r] - u[j]) and gradU[j] = -a[j] sum_r g[r] phi'(xs[r] - u[j]).
   */
  gradients(c: CoordinateView, g: Float64Array): void;
}

/** First r with xs[r] > value, or xs[r] >= value when `orEqual` (xs sorted increasingly); n when there is none. */
function firstAbove(xs: Float64Array, value: number, orEqual = false): number {
  let low = 0;
  let high = xs.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (xs[middle] > value || (orEqual && xs[middle] === value)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Fills suffix[r] = sum_{r' >= r} values[r'] * (weights ? weights[r'] : 1), suffix[n] = 0. */
function suffixSums(values: Float64Array, suffix: Float64Array, weights?: Float64Array): void {
  const n = values.length;
  suffix[n] = 0;
  for (let r = n - 1; r >= 0; r--) suffix[r] = suffix[r + 1] + (weights ? values[r] * weights[r] : values[r]);
}

/** sigma_eta(x - u) = sigma((x - u) / eta), the smoothed step of width eta. */
export class SmoothStepUnits implements CoordinateUnits {
  /** running[r]: difference array of the steps' constant parts, then suffix sums of g (n + 1 entries). */
  private readonly running: Float64Array;

  constructor(
    private readonly eta: number,
    n: number,
  ) {
    this.running = new Float64Array(n + 1);
  }

  addOutputs({ xs, a, u }: CoordinateView, out: Float64Array): void {
    const { eta, running } = this;
    running.fill(0);
    for (let j = 0; j < u.length; j++) {
      const start = firstAbove(xs, u[j] - eta / 2);
      const full = firstAbove(xs, u[j] + eta / 2, true);
      for (let r = start; r < full; r++) out[r] += a[j] * sigma((xs[r] - u[j]) / eta);
      running[full] += a[j];
    }
    let level = 0;
    for (let r = 0; r < xs.length; r++) {
      level += running[r];
      out[r] += level;
    }
  }

  gradients({ xs, a, u, gradA, gradU }: CoordinateView, g: Float64Array): void {
    const { eta, running } = this;
    suffixSums(g, running);
    for (let j = 0; j < u.length; j++) {
      const start = firstAbove(xs, u[j] - eta / 2);
      const full = firstAbove(xs, u[j] + eta / 2, true);
      let sumA = running[full];
      let sumU = 0;
      for (let r = start; r < full; r++) {
        const z = (xs[r] - u[j]) / eta;
        sumA += g[r] * sigma(z);
        sumU += g[r] * sigmaPrime(z);
      }
      gradA[j] = sumA;
      gradU[j] = (-a[j] * sumU) / eta;
    }
  }
}

/** relu(x - u), with relu'(0) = 0 as in PyTorch. */
export class ReluUnits implements CoordinateUnits {
  /** slope[r]: difference array of the summed a_j, then suffix sums of g (n + 1 entries). */
  private readonly slope: Float64Array;
  /** offset[r]: difference array of the summed a_j u_j, then suffix sums of g x (n + 1 entries). */
  private readonly offset: Float64Array;

  constructor(n: number) {
    this.slope = new Float64Array(n + 1);
    this.offset = new Float64Array(n + 1);
  }

  addOutputs({ xs, a, u }: CoordinateView, out: Float64Array): void {
    const { slope, offset } = this;
    slope.fill(0);
    offset.fill(0);
    for (let j = 0; j < u.length; j++) {
      const start = firstAbove(xs, u[j]);
      slope[start] += a[j];
      offset[start] += a[j] * u[j];
    }
    let s = 0;
    let o = 0;
    for (let r = 0; r < xs.length; r++) {
      s += slope[r];
      o += offset[r];
      out[r] += s * xs[r] - o;
    }
  }

  gradients({ xs, a, u, gradA, gradU }: CoordinateView, g: Float64Array): void {
    const { slope, offset } = this;
    suffixSums(g, slope);
    suffixSums(g, offset, xs);
    for (let j = 0; j < u.length; j++) {
      const start = firstAbove(xs, u[j]);
      gradA[j] = offset[start] - u[j] * slope[start];
      gradU[j] = -a[j] * slope[start];
    }
  }
}
