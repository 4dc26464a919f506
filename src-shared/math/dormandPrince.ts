/**
 * Adaptive Dormand-Prince 5(4) for y' = F(y) (autonomous), FSAL, in place, nothing allocated per step. The step size
 * proposed for the next call is kept in `h`, so a run split into output intervals integrates like one call.
 */
import {
  initialStep,
  MIN_PREVIOUS_ERROR,
  PI_BETA,
  scaledErrorNorm,
  StepSizeUnderflowError,
  stepFactor,
  type Tolerances,
} from './stepControl';

/** F(y) into dydt. */
export type VectorField = (y: Float64Array, dydt: Float64Array) => void;

// Butcher tableau (Dormand & Prince 1980); B5 is the last row of A, ERROR = B5 - B4.
const A2 = [1 / 5];
const A3 = [3 / 40, 9 / 40];
const A4 = [44 / 45, -56 / 15, 32 / 9];
const A5 = [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729];
const A6 = [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656];
const B5 = [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84];
const ERROR = [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40];
const ROWS = [A2, A3, A4, A5, A6, B5];

export class DormandPrince {
  /** h: step size proposed for the next step (0: choose one on the next call). */
  h = 0;
  /** Steps attempted so far (accepted and rejected). */
  attempts = 0;
  /** Error norm of the last accepted step (PI control). */
  previousError = 1;
  /** k[s]: slope of stage s (k[6] is F at the new point, reused as the next k[0]). */
  private readonly k: Float64Array[];
  /** stage: the point where a stage's slope is evaluated. */
  private readonly stage: Float64Array;
  /** next: the 5th-order solution of the current step. */
  private readonly next: Float64Array;
  /** error: the embedded error estimate of the current step. */
  private readonly error: Float64Array;

  constructor(
    readonly n: number,
    private readonly field: VectorField,
    private readonly tolerances: Tolerances,
  ) {
    this.k = Array.from({ length: 7 }, () => new Float64Array(n));
    this.stage = new Float64Array(n);
    this.next = new Float64Array(n);
    this.error = new Float64Array(n);
  }

  /** Advances y (in place) over a span of the independent variable. */
  advance(y: Float64Array, span: number): void {
    const { k, stage, next, error, n } = this;
    this.field(y, k[0]);
    if (!(this.h > 0)) this.h = initialStep(y, k[0], span, this.tolerances);
    let done = 0;
    let rejected = false;
    while (done < span) {
      const last = done + this.h >= span;
      const h = last ? span - done : this.h;
      for (let s = 0; s < ROWS.length; s++) {
        const row = ROWS[s];
        const target = s === ROWS.length - 1 ? next : stage;
        for (let i = 0; i < n; i++) {
          let sum = 0;
          for (let r = 0; r < row.length; r++) sum += row[r] * k[r][i];
          target[i] = y[i] + h * sum;
        }
        this.field(target, k[s + 1]);
      }
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let r = 0; r < 7; r++) sum += ERROR[r] * k[r][i];
        error[i] = h * sum;
      }
      this.attempts++;
      const norm = scaledErrorNorm(error, y, next, this.tolerances);
      // !(norm <= 1), not norm > 1: a NaN norm (the field overflowed) rejects the step, and h shrinks until a step
      // passes or the underflow test (a NaN h fails it too) ends the integration
      if (!(norm <= 1)) {
        this.h = h * stepFactor(norm, 4, true, this.previousError, PI_BETA);
        rejected = true;
        if (!(this.h > 1e-14 * span))
          throw new StepSizeUnderflowError(`Dormand-Prince step size underflow (h = ${this.h})`);
        continue;
      }
      y.set(next);
      k[0].set(k[6]);
      done = last ? span : done + h;
      // A final step cut short to land on the span's end says nothing about the step size: keep the proposal.
      if (!last || h >= this.h) this.h = h * stepFactor(norm, 4, rejected, this.previousError, PI_BETA);
      this.previousError = Math.max(norm, MIN_PREVIOUS_ERROR);
      rejected = false;
    }
  }
}
