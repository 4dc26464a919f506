/**
 * Exact population quantities of docs/MODEL.md section 4 for one (target, eta, m): the loss L(a, u) = int_0^1 (f - f*)^2,
 * its gradient, the Gram matrix, the projections b and the fast solution a*(u).
 *
 * Loss and gradient sweep [0, 1] once along the sorted breakpoints {0, 1} U {v_i} U {u_j - eta/2, u_j, u_j + eta/2}.
 * All neurons share the width eta, so sorting by u sorts the three neuron event lists at once: the neurons in their
 * transition form a contiguous range [lo, hi) of the sorted order, those before lo are fully on (their weights are a
 * running sum) and those from hi on are off. Between breakpoints the integrands are polynomials of degree <= 6, so
 * 4-point Gauss-Legendre per piece is exact, and each node costs O(neurons in transition).
 */
import type { Target } from '../config/schema';
import { sigma, sigmaAntiderivative, sigmaPrime } from './activation';
import { ArgSort } from './argsort';
import { choleskyInPlace, choleskySolve } from './linalg';
import { GAUSS_NODES, GAUSS_WEIGHTS } from './quadrature';
import { targetSquaredIntegral } from './target';

/** Ridge added to the Gram matrix: G is singular when neurons coincide or leave [0, 1] (its entries are at most 1). */
export const RIDGE = 1e-10;

export class Population {
  /** v[i]: position of jump i of the target. */
  private readonly v: Float64Array;
  /** delta[i]: size Delta_i of jump i. */
  private readonly delta: Float64Array;
  /** The target's level on [0, v_1). */
  private readonly base: number;
  /** int_0^1 f*^2. */
  private readonly targetSquared: number;
  /** b_0 = int_0^1 f* (the bias neuron equals 1 on [0, 1]). */
  private readonly biasProjection: number;
  private readonly sorter: ArgSort;
  /** uSorted[p]: position of the p-th leftmost neuron. */
  private readonly uSorted: Float64Array;
  /** aSorted[p]: its outer weight. */
  private readonly aSorted: Float64Array;
  /** transitionA[p]: int of r sigma_eta(x - u) over its transition, r = f* - f. */
  private readonly transitionA: Float64Array;
  /** transitionU[p]: int of r sigma'((x - u)/eta) over its transition. */
  private readonly transitionU: Float64Array;
  /** cumAtEnd[p]: int_0^{u + eta/2} r, recorded when the neuron becomes fully on. */
  private readonly cumAtEnd: Float64Array;
  /** sigmaAt[p]: sigma of the p-th neuron at the current Gauss node. */
  private readonly sigmaAt: Float64Array;
  /** factor: (m+1)^2 Gram matrix plus ridge, then its Cholesky factor (allocated on the first fast solve). */
  private factor: Float64Array | null = null;
  /** b[j]: projections of the last fast solve. */
  private readonly b: Float64Array;

  constructor(
    target: Target,
    /** eta: width of the smoothed step. */
    readonly eta: number,
    /** m: number of free neurons. */
    readonly m: number,
  ) {
    this.v = Float64Array.from(target.positions);
    this.delta = Float64Array.from(target.values.slice(1));
    this.base = target.values[0];
    this.targetSquared = targetSquaredIntegral(target);
    let integral = this.base;
    for (let i = 0; i < this.v.length; i++) integral += this.delta[i] * (1 - this.v[i]);
    this.biasProjection = integral;
    this.sorter = new ArgSort(m);
    this.uSorted = new Float64Array(m);
    this.aSorted = new Float64Array(m);
    this.transitionA = new Float64Array(m);
    this.transitionU = new Float64Array(m);
    this.cumAtEnd = new Float64Array(m);
    this.sigmaAt = new Float64Array(m);
    this.b = new Float64Array(m + 1);
  }

  /** L(a, u) = int_0^1 (f - f*)^2, exact. */
  loss(a: Float64Array, u: Float64Array): number {
    return this.sweep(a, u, null, null);
  }

  /** Fills gradA (m + 1 entries, bias first) and gradU (m entries) with the exact gradient; returns L. */
  gradient(a: Float64Array, u: Float64Array, gradA: Float64Array, gradU: Float64Array): number {
    return this.sweep(a, u, gradA, gradU);
  }

  /** G_jk = int_0^1 sigma_eta(x - u_j) sigma_eta(x - u_k), (m+1) x (m+1) row-major, index 0 the bias. */
  gram(u: Float64Array, G: Float64Array): void {
    const { m, eta } = this;
    const half = eta / 2;
    const n = m + 1;
    const order = this.sortPositions(u);
    const us = this.uSorted;
    G[0] = 1;
    for (let p = 0; p < m; p++) {
      const row = order[p] + 1;
      G[row] = G[row * n] = this.neuronIntegral(us[p], 0);
    }
    for (let p = 0; p < m; p++) {
      const row = order[p] + 1;
      const uj = us[p];
      const end = uj + half;
      // Where x >= u_j + eta/2 neuron j is fully on and the product is sigma_k.
      const fullyOnFrom = Math.min(Math.max(end, 0), 1);
      for (let q = p; q < m; q++) {
        const column = order[q] + 1;
        const uk = us[q];
        let value = this.neuronIntegral(uk, fullyOnFrom);
        const from = Math.max(uk - half, 0);
        const to = Math.min(end, 1);
        if (to > from) value += this.overlapIntegral(uj, uk, from, to);
        G[row * n + column] = G[column * n + row] = value;
      }
    }
  }

  /**
   * tr G = sum_j int_0^1 sigma_eta(x - u_j)^2, the diagonal of `gram` summed in O(m) without building G: the mean of
   * |phi(x)|^2 over x uniform on [0, 1], phi(x) the vector of the m + 1 neurons' values at x.
   */
  gramTrace(u: Float64Array): number {
    const half = this.eta / 2;
    let trace = 1;
    for (let j = 0; j < this.m; j++) {
      const uj = u[j];
      // As in gram with k = j: fully on from u_j + eta/2, the square of the ramp before that.
      trace += this.neuronIntegral(uj, Math.min(Math.max(uj + half, 0), 1));
      const from = Math.max(uj - half, 0);
      const to = Math.min(uj + half, 1);
      if (to > from) trace += this.overlapIntegral(uj, uj, from, to);
    }
    return trace;
  }

  /** b_j = int_0^1 f* sigma_eta(x - u_j), via S: b_0 for the bias, b_{j+1} for neuron j. */
  projections(u: Float64Array, b: Float64Array): void {
    const { eta, v, delta } = this;
    b[0] = this.biasProjection;
    for (let j = 0; j < this.m; j++) {
      const atOne = sigmaAntiderivative((1 - u[j]) / eta);
      let sum = this.base * (atOne - sigmaAntiderivative(-u[j] / eta));
      for (let i = 0; i < v.length; i++) sum += delta[i] * (atOne - sigmaAntiderivative((v[i] - u[j]) / eta));
      b[j + 1] = eta * sum;
    }
  }

  /**
   * a*(u) = (G + RIDGE I)^-1 b into aOut (the least-squares weights; the ridge only matters where G is singular).
   * Returns min_a L = int f*^2 - b.a* (the identity L(a*) = int f*^2 - b.a* - RIDGE |a*|^2, clipped at 0).
   */
  optimalWeights(u: Float64Array, aOut: Float64Array): number {
    const n = this.m + 1;
    this.factor ??= new Float64Array(n * n);
    const factor = this.factor;
    const b = this.b;
    this.gram(u, factor);
    this.projections(u, b);
    for (let j = 0; j < n; j++) factor[j * n + j] += RIDGE;
    choleskyInPlace(factor, n, RIDGE);
    choleskySolve(factor, n, b, aOut);
    let loss = this.targetSquared;
    for (let j = 0; j < n; j++) loss -= (b[j] + RIDGE * aOut[j]) * aOut[j];
    return Math.max(loss, 0);
  }

  /** Sorts the neurons by position into uSorted and returns the order. */
  private sortPositions(u: Float64Array): Int32Array {
    this.sorter.update(u);
    const order = this.sorter.order;
    for (let p = 0; p < this.m; p++) this.uSorted[p] = u[order[p]];
    return order;
  }

  /** int_from^1 sigma_eta(x - uk) for from in [0, 1]. */
  private neuronIntegral(uk: number, from: number): number {
    const eta = this.eta;
    return eta * (sigmaAntiderivative((1 - uk) / eta) - sigmaAntiderivative((from - uk) / eta));
  }

  /** int_from^to sigma_j sigma_k for uj <= uk, split at the centres uj and uk so that each piece is polynomial. */
  private overlapIntegral(uj: number, uk: number, from: number, to: number): number {
    let sum = 0;
    let left = from;
    if (uj > left && uj < to) {
      sum += this.productIntegral(uj, uk, left, uj);
      left = uj;
    }
    if (uk > left && uk < to) {
      sum += this.productIntegral(uj, uk, left, uk);
      left = uk;
    }
    return sum + this.productIntegral(uj, uk, left, to);
  }

  /** Gauss-Legendre on one polynomial piece of sigma_j sigma_k. */
  private productIntegral(uj: number, uk: number, from: number, to: number): number {
    const inverseEta = 1 / this.eta;
    const middle = 0.5 * (from + to);
    const radius = 0.5 * (to - from);
    let sum = 0;
    for (let q = 0; q < 4; q++) {
      const x = middle + radius * GAUSS_NODES[q];
      sum += GAUSS_WEIGHTS[q] * sigma((x - uj) * inverseEta) * sigma((x - uk) * inverseEta);
    }
    return radius * sum;
  }

  /** The breakpoint sweep: returns L and, when gradA is given, fills both gradients. */
  private sweep(a: Float64Array, u: Float64Array, gradA: Float64Array | null, gradU: Float64Array | null): number {
    const { m, v, delta, uSorted: us, aSorted: as, transitionA, transitionU, cumAtEnd, sigmaAt } = this;
    const half = this.eta / 2;
    const inverseEta = 1 / this.eta;
    const jumps = v.length;
    const order = this.sortPositions(u);
    for (let p = 0; p < m; p++) {
      if (Number.isNaN(us[p])) return NaN;
      as[p] = a[order[p] + 1];
    }
    const withGradient = gradA !== null && gradU !== null;
    if (withGradient) {
      transitionA.fill(0);
      transitionU.fill(0);
    }
    // on: a_0 (the bias equals 1 on [0, 1]) plus the weights of the fully-on neurons [0, lo).
    let on = a[0];
    let level = this.base;
    let lo = 0;
    let hi = 0;
    let centre = 0;
    let jump = 0;
    // cumulative: int_0^x r.
    let cumulative = 0;
    let loss = 0;
    let x = 0;
    for (;;) {
      while (hi < m && us[hi] - half <= x) hi++;
      while (lo < m && us[lo] + half <= x) {
        on += as[lo];
        cumAtEnd[lo] = cumulative;
        lo++;
      }
      while (centre < m && us[centre] <= x) centre++;
      while (jump < jumps && v[jump] <= x) level += delta[jump++];
      if (x >= 1) break;
      let next = 1;
      if (hi < m && us[hi] - half < next) next = us[hi] - half;
      if (lo < m && us[lo] + half < next) next = us[lo] + half;
      if (centre < m && us[centre] < next) next = us[centre];
      if (jump < jumps && v[jump] < next) next = v[jump];
      const middle = 0.5 * (x + next);
      const radius = 0.5 * (next - x);
      for (let q = 0; q < 4; q++) {
        const xq = middle + radius * GAUSS_NODES[q];
        let f = on;
        for (let p = lo; p < hi; p++) {
          const s = sigma((xq - us[p]) * inverseEta);
          sigmaAt[p] = s;
          f += as[p] * s;
        }
        const r = level - f;
        const weight = radius * GAUSS_WEIGHTS[q];
        loss += weight * r * r;
        if (withGradient) {
          const wr = weight * r;
          cumulative += wr;
          for (let p = lo; p < hi; p++) {
            transitionA[p] += wr * sigmaAt[p];
            transitionU[p] += wr * sigmaPrime((xq - us[p]) * inverseEta);
          }
        }
      }
      x = next;
    }
    if (withGradient) {
      gradA[0] = -2 * cumulative;
      for (let p = 0; p < m; p++) {
        const j = order[p];
        const fullyOn = p < lo ? cumulative - cumAtEnd[p] : 0;
        gradA[j + 1] = -2 * (fullyOn + transitionA[p]);
        gradU[j] = 2 * as[p] * transitionU[p] * inverseEta;
      }
    }
    return loss;
  }
}
