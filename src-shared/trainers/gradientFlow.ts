/**
 * Population gradient flow at finite epsilon (docs/MODEL.md section 5, the object of the theorem), in fast time t = tau / epsilon:
 *   da/dt = -grad_a L(a, u),   du/dt = -epsilon grad_u L(a, u),   L exact (math/population.ts).
 *
 * Integrator: adaptive ROS2 (math/rosenbrock.ts), a W-method: second order for any matrix J, L-stable where J is exact.
 * For small epsilon the system is stiff in a alone: grad_a L = 2 (G a - b) is linear in a, so -2 G(u) is the exact
 * a-block of the Jacobian, with eigenvalues down to about -2 lambda_max(G) ~ -2 m. We take
 *   J = [[-2 G, J_au], [0, 0]],   J_au = d(da/dt)/du  (applied to a vector by one finite difference of the gradient).
 * The u-rows scale with epsilon and stay explicit. J_au matters: without it a lags behind a*(u(t)) by O(1) of its drift
 * per step (the stiff stage sees the motion of u only explicitly), and the step size collapses to the fast time scale.
 * With it, after the fast transient the step size follows the slow motion of u; an explicit RK would need dt < ~1/m in
 * t for t up to tauMax / epsilon. Large epsilon makes u stiff too (epsilon grad^2_u L ~ epsilon a^2 / eta); step-size
 * control then keeps the explicit u-rows stable at the cost of more steps. Each step costs one Gram matrix, one
 * Cholesky factorisation of I + 2 gamma h G and four or five gradient sweeps. Measured on the paper config (m = 20,
 * tau up to 0.035, rtol 1e-6, atol 1e-9): about 34,000 steps at epsilon = 1e-5 and 45,000 at 1e-7 (an explicit method:
 * more than 25,000 and 2,500,000); the 2(1) error estimate, not stability, sets the step at such tolerances.
 */
import type { RunConfig } from '../config/schema';
import { choleskyInPlace, choleskySolve } from '../math/linalg';
import { Ros2, type LinearlyImplicitProblem } from '../math/rosenbrock';
import type { Rng } from '../rng/types';
import { initialParameters } from './init';
import { OdeTrainer } from './odeTrainer';
import type { TrainerState } from './types';

export class GradientFlowTrainer extends OdeTrainer implements LinearlyImplicitProblem {
  readonly kind = 'gradient-flow' as const;
  readonly state: TrainerState;
  private readonly m: number;
  /** epsilon: inner / outer speed ratio. */
  private readonly epsilon: number;
  /** y = [a (m + 1), u (m)]: the integrated state; state.a and state.u are views into it. */
  private readonly y: Float64Array;
  /** aAt, uAt: copies of the a and u parts of the point where the integrator evaluates (no views made per call). */
  private readonly aAt: Float64Array;
  private readonly uAt: Float64Array;
  /** gradA[j], gradU[j]: gradient of L at that point. */
  private readonly gradA: Float64Array;
  private readonly gradU: Float64Array;
  /** W: I + 2 gamma h G(u), then its Cholesky factor. */
  private readonly W: Float64Array;
  /** gammaH: gamma h of the prepared W. */
  private gammaH = 0;
  /** baseA, baseU: the point where W was prepared (the base of the J_au finite difference). */
  private readonly baseA: Float64Array;
  private readonly baseU: Float64Array;
  /** baseGradA[j]: grad_a L there. */
  private readonly baseGradA: Float64Array;
  /** shiftedU[j]: u + delta k_u, where J_au k_u is differenced. */
  private readonly shiftedU: Float64Array;
  /** rhsA[j]: right-hand side of the a-block solve. */
  private readonly rhsA: Float64Array;
  /** eta: width of the smoothed step (scale of the J_au difference). */
  private readonly eta: number;
  protected readonly integrator: Ros2;

  constructor(config: RunConfig, rng: Rng) {
    super(config);
    const { m, eta } = config.network;
    const init = initialParameters(config, rng);
    this.m = m;
    this.epsilon = config.sgd.epsilon;
    this.y = new Float64Array(2 * m + 1);
    this.y.set(init.a);
    this.y.set(init.u, m + 1);
    this.state = { step: 0, tau: 0, a: this.y.subarray(0, m + 1), u: this.y.subarray(m + 1) };
    this.aAt = new Float64Array(m + 1);
    this.uAt = new Float64Array(m);
    this.gradA = new Float64Array(m + 1);
    this.gradU = new Float64Array(m);
    this.W = new Float64Array((m + 1) * (m + 1));
    this.baseA = new Float64Array(m + 1);
    this.baseU = new Float64Array(m);
    this.baseGradA = new Float64Array(m + 1);
    this.shiftedU = new Float64Array(m);
    this.rhsA = new Float64Array(m + 1);
    this.eta = eta;
    this.integrator = new Ros2(2 * m + 1, this, config.ode);
  }

  /** One trainer step covers dtau in slow time, dtau / epsilon in the integrator's fast time. */
  protected advance(): void {
    this.integrator.advance(this.y, this.dtau / this.epsilon);
  }

  field(y: Float64Array, dydt: Float64Array): void {
    const m = this.m;
    this.split(y, this.aAt, this.uAt);
    this.population.gradient(this.aAt, this.uAt, this.gradA, this.gradU);
    for (let j = 0; j <= m; j++) dydt[j] = -this.gradA[j];
    for (let j = 0; j < m; j++) dydt[m + 1 + j] = -this.epsilon * this.gradU[j];
  }

  prepare(y: Float64Array, gammaH: number): void {
    const n = this.m + 1;
    const W = this.W;
    this.split(y, this.baseA, this.baseU);
    this.gammaH = gammaH;
    this.population.gradient(this.baseA, this.baseU, this.baseGradA, this.gradU);
    this.population.gram(this.baseU, W);
    for (let i = 0; i < W.length; i++) W[i] *= 2 * gammaH;
    for (let j = 0; j < n; j++) W[j * n + j] += 1;
    choleskyInPlace(W, n, 1);
  }

  /** W k = rhs for W = [[I + 2 gamma h G, -gamma h J_au], [0, I]]: k_u = rhs_u, then the a-block. */
  solve(rhs: Float64Array, out: Float64Array): void {
    const { m, rhsA, shiftedU, baseU } = this;
    const n = m + 1;
    let largest = 0;
    for (let j = 0; j < m; j++) {
      out[n + j] = rhs[n + j];
      largest = Math.max(largest, Math.abs(rhs[n + j]));
    }
    for (let j = 0; j < n; j++) rhsA[j] = rhs[j];
    if (largest > 0) {
      // J_au k_u = -(grad_a L(a, u + delta k_u) - grad_a L(a, u)) / delta, u moved by 1e-6 eta at most.
      const delta = (1e-6 * this.eta) / largest;
      for (let j = 0; j < m; j++) shiftedU[j] = baseU[j] + delta * out[n + j];
      this.population.gradient(this.baseA, shiftedU, this.gradA, this.gradU);
      const scale = -this.gammaH / delta;
      for (let j = 0; j < n; j++) rhsA[j] += scale * (this.gradA[j] - this.baseGradA[j]);
    }
    choleskySolve(this.W, n, rhsA, out);
  }

  /** Copies y = [a, u] into a and u. */
  private split(y: Float64Array, a: Float64Array, u: Float64Array): void {
    const n = this.m + 1;
    for (let j = 0; j < n; j++) a[j] = y[j];
    for (let j = 0; j < this.m; j++) u[j] = y[n + j];
  }
}
