/**
 * Adaptive ROS2 (Verwer, Spee, Blom & Hundsdorfer 1999), a two-stage linearly implicit method for stiff y' = F(y):
 *   W k1 = F(y),  W k2 = F(y + h k1) - 2 k1,  y+ = y + h (3/2 k1 + 1/2 k2),  W = I - gamma h J,  gamma = 1 + 1/sqrt 2.
 * It is second order for *any* matrix J (a W-method), and L-stable in the directions where J is exact, so J may keep
 * only the stiff block of the Jacobian. The embedded first-order solution y + h k1 gives the error h (k1 + k2) / 2.
 * Nothing is allocated per step; the proposed step size survives between calls in `h`.
 */
import { AdaptiveStepping, type Tolerances } from './stepControl';

export const ROS2_GAMMA = 1 + Math.SQRT1_2;

/** The problem as ROS2 sees it: the field and solves with W = I - gamma h J for the caller's choice of J. */
export interface LinearlyImplicitProblem {
  /** F(y) into dydt. */
  field(y: Float64Array, dydt: Float64Array): void;
  /** Builds and factors W = I - gammaH J(y) for the following solves. */
  prepare(y: Float64Array, gammaH: number): void;
  /** out = W^-1 rhs; out may alias rhs. */
  solve(rhs: Float64Array, out: Float64Array): void;
}

export class Ros2 extends AdaptiveStepping {
  /** slope: F at the start of the step. */
  private readonly slope: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  /** stage: y + h k1, where the second slope is taken. */
  private readonly stage: Float64Array;
  /** next: the second-order solution of the current step. */
  private readonly next: Float64Array;
  /** error: h (k1 + k2) / 2. */
  private readonly error: Float64Array;

  constructor(
    readonly n: number,
    private readonly problem: LinearlyImplicitProblem,
    tolerances: Tolerances,
  ) {
    super(1, 'ROS2', tolerances);
    this.slope = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.stage = new Float64Array(n);
    this.next = new Float64Array(n);
    this.error = new Float64Array(n);
  }

  /** Advances y (in place) over a span of the independent variable. */
  advance(y: Float64Array, span: number): void {
    const { problem, slope, k1, k2, stage, next, error, n } = this;
    problem.field(y, slope);
    this.startSpan(y, slope, span);
    while (this.spanLeft()) {
      const h = this.stepSize();
      problem.prepare(y, ROS2_GAMMA * h);
      problem.solve(slope, k1);
      for (let i = 0; i < n; i++) stage[i] = y[i] + h * k1[i];
      problem.field(stage, k2);
      for (let i = 0; i < n; i++) k2[i] -= 2 * k1[i];
      problem.solve(k2, k2);
      for (let i = 0; i < n; i++) {
        next[i] = y[i] + h * (1.5 * k1[i] + 0.5 * k2[i]);
        error[i] = 0.5 * h * (k1[i] + k2[i]);
      }
      if (!this.acceptStep(h, error, y, next)) continue;
      y.set(next);
      if (this.spanLeft()) problem.field(y, slope);
    }
  }
}
