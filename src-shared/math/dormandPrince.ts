/**
 * Adaptive Dormand-Prince 5(4) for y' = F(y) (autonomous), FSAL, in place, nothing allocated per step. The step size
 * proposed for the next call is kept in `h`, so a run split into output intervals integrates like one call.
 */
import { AdaptiveStepping, type Tolerances } from './stepControl';

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

export class DormandPrince extends AdaptiveStepping {
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
    tolerances: Tolerances,
  ) {
    super(4, 'Dormand-Prince', tolerances);
    this.k = Array.from({ length: 7 }, () => new Float64Array(n));
    this.stage = new Float64Array(n);
    this.next = new Float64Array(n);
    this.error = new Float64Array(n);
  }

  /** Advances y (in place) over a span of the independent variable. */
  advance(y: Float64Array, span: number): void {
    const { k, stage, next, error, n } = this;
    this.field(y, k[0]);
    this.startSpan(y, k[0], span);
    while (this.spanLeft()) {
      const h = this.stepSize();
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
      if (!this.acceptStep(h, error, y, next)) continue;
      y.set(next);
      k[0].set(k[6]);
    }
  }
}
