/**
 * Full-batch gradient descent on a fixed sample (docs/MODEL.md section 5, the authors' PyTorch experiments): plain SGD
 * without momentum, learning rate lrA on the weights a and lrU on the positions u, one step per epoch, on the
 * criterion ||prediction - y||_2 / n (a norm, not the mean squared error).
 *
 * Models, with m = config.network.m units per coordinate and no bias:
 * - 'additive': f(x) = sum_{k<d} sum_{j<m} a_kj sigma_eta(x_k - u_kj), target sum_k ([x_k > .3] + [x_k > .5] + [x_k > .7]);
 * - 'relu' (d = 1): f(x) = sum_j a_j relu(x - u_j), teacher relu(x - .3) - 2 relu(x - .5) + 3 relu(x - .7).
 * Parameters are flat and coordinate-major: a[k m + j], u[k m + j] belong to unit j of coordinate k.
 *
 * Draw order from the run's generator: the d m positions (config.network.positions; 'uniform' draws them unsorted, like
 * torch.rand), then the d m weights (config.network.weights, e.g. 3 U[0,1]), then the sample (batch/sample.ts).
 * Slow time: tau = epoch * lrU.
 */
import type { RunConfig } from '../config/schema';
import type { Rng } from '../rng/types';
import { SortedSample } from './batch/sample';
import { ReluUnits, SmoothStepUnits, type CoordinateUnits, type CoordinateView } from './batch/units';
import type { FullBatchSnapshot, Trainer, TrainerSnapshot, TrainerState } from './types';

/** One coordinate's views into the flat buffers (made once, so that an epoch allocates nothing). */
interface Coordinate extends CoordinateView {
  /** point[r]: the point holding xs[r]. */
  point: Int32Array;
}

/** The d m initial positions and weights, drawn in that order. */
function initialParameters(config: RunConfig, units: number, rng: Rng): { a: Float64Array; u: Float64Array } {
  const { m, positions, weights } = config.network;
  const u = new Float64Array(units);
  for (let index = 0; index < units; index++) {
    const j = index % m;
    if (positions.kind === 'uniform') u[index] = rng.next();
    else if (positions.kind === 'even') u[index] = (j + 0.5) / m;
    else u[index] = positions.u[j];
  }
  const a = new Float64Array(units);
  if (weights.kind === 'uniform') for (let index = 0; index < units; index++) a[index] = weights.scale * rng.next();
  return { a, u };
}

export class FullBatchTrainer implements Trainer {
  readonly kind = 'full-batch' as const;
  readonly state: TrainerState;
  private readonly sample: SortedSample;
  private readonly units: CoordinateUnits;
  private readonly coordinates: Coordinate[];
  private readonly lrA: number;
  private readonly lrU: number;
  private readonly epochs: number;
  /** residual[i]: prediction - y at point i, then the criterion's derivative with respect to prediction i. */
  private readonly residual: Float64Array;
  /** bySorted[r]: one coordinate's outputs, then its back-propagated residuals, in that coordinate's sorted order. */
  private readonly bySorted: Float64Array;
  /** gradA[k m + j], gradU[k m + j]: gradient of the criterion. */
  private readonly gradA: Float64Array;
  private readonly gradU: Float64Array;

  constructor(config: RunConfig, rng: Rng) {
    const { problem, d, n, lrA, lrU, epochs } = config.fullBatch;
    if (problem === 'relu' && d !== 1)
      throw new Error(`fullBatch.d: the ReLU problem is one-dimensional, got d = ${d}`);
    const m = config.network.m;
    const { a, u } = initialParameters(config, d * m, rng);
    this.state = { step: 0, tau: 0, a, u };
    this.sample = new SortedSample(problem, n, d, rng);
    this.units = problem === 'relu' ? new ReluUnits(n) : new SmoothStepUnits(config.network.eta, n);
    this.lrA = lrA;
    this.lrU = lrU;
    this.epochs = epochs;
    this.residual = new Float64Array(n);
    this.bySorted = new Float64Array(n);
    this.gradA = new Float64Array(d * m);
    this.gradU = new Float64Array(d * m);
    this.coordinates = Array.from({ length: d }, (_, k) => ({
      xs: this.sample.sorted.subarray(k * n, (k + 1) * n),
      point: this.sample.point.subarray(k * n, (k + 1) * n),
      a: a.subarray(k * m, (k + 1) * m),
      u: u.subarray(k * m, (k + 1) * m),
      gradA: this.gradA.subarray(k * m, (k + 1) * m),
      gradU: this.gradU.subarray(k * m, (k + 1) * m),
    }));
  }

  step(count: number): number {
    const epochs = Math.max(0, Math.min(count, this.epochs - this.state.step));
    const { a, u } = this.state;
    for (let epoch = 0; epoch < epochs; epoch++) {
      this.computeGradient();
      for (let index = 0; index < a.length; index++) {
        a[index] -= this.lrA * this.gradA[index];
        u[index] -= this.lrU * this.gradU[index];
      }
      this.state.step++;
      this.state.tau = this.state.step * this.lrU;
    }
    return epochs;
  }

  /** The criterion ||prediction - y||_2 / n at the current parameters. */
  loss(): number {
    return this.computeResidual() / this.sample.n;
  }

  snapshot(): FullBatchSnapshot {
    const { step, tau, a, u } = this.state;
    return { kind: this.kind, step, tau, a: a.slice(), u: u.slice() };
  }

  restore(snapshot: TrainerSnapshot): void {
    if (
      snapshot.kind !== this.kind ||
      snapshot.a.length !== this.state.a.length ||
      snapshot.u.length !== this.state.u.length
    ) {
      throw new Error('this snapshot was not taken from a full-batch trainer of the same size');
    }
    this.state.step = snapshot.step;
    this.state.tau = snapshot.tau;
    this.state.a.set(snapshot.a);
    this.state.u.set(snapshot.u);
  }

  /** Fills `residual` with prediction - y and returns its Euclidean norm. */
  private computeResidual(): number {
    const { residual, bySorted } = this;
    residual.fill(0);
    for (const c of this.coordinates) {
      bySorted.fill(0);
      this.units.addOutputs(c, bySorted);
      for (let r = 0; r < bySorted.length; r++) residual[c.point[r]] += bySorted[r];
    }
    let squares = 0;
    for (let i = 0; i < residual.length; i++) {
      residual[i] -= this.sample.y[i];
      squares += residual[i] * residual[i];
    }
    return Math.sqrt(squares);
  }

  /** Fills gradA and gradU with the criterion's gradient: d(||r|| / n)/d prediction_i = r_i / (n ||r||). */
  private computeGradient(): void {
    const { residual, bySorted } = this;
    const norm = this.computeResidual();
    const scale = norm > 0 ? 1 / (this.sample.n * norm) : 0;
    for (let i = 0; i < residual.length; i++) residual[i] *= scale;
    for (const c of this.coordinates) {
      for (let r = 0; r < bySorted.length; r++) bySorted[r] = residual[c.point[r]];
      this.units.gradients(c, bySorted);
    }
  }
}
