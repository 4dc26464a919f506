/**
 * Shared pieces of the adaptive ODE integrators: the scaled error norm, the step-size update, and the stepping itself
 * (`AdaptiveStepping`, which the integrators extend).
 */

/** The tolerances of an adaptive integrator (config.ode.rtol, config.ode.atol). */
export interface Tolerances {
  rtol: number;
  atol: number;
}

/** RMS of error_i / (atol + rtol max(|before_i|, |after_i|)); a step is accepted when this is <= 1. */
export function scaledErrorNorm(
  error: Float64Array,
  before: Float64Array,
  after: Float64Array,
  tolerances: Tolerances,
): number {
  let sum = 0;
  for (let i = 0; i < error.length; i++) {
    const scale = tolerances.atol + tolerances.rtol * Math.max(Math.abs(before[i]), Math.abs(after[i]));
    const ratio = error[i] / scale;
    sum += ratio * ratio;
  }
  return Math.sqrt(sum / Math.max(error.length, 1));
}

/**
 * Factor for the next step size after a step with error norm `error`, for an error estimator of order `order`
 * (local error ~ h^(order+1)): Gustafsson's PI controller 0.9 error^-(1/(order+1) - 0.75 beta) previousError^beta
 * (Hairer's DOPRI5 uses beta = 0.04), which stops the step size from see-sawing when stability rather than accuracy
 * limits it (stiff stretches of an explicit method). Clamped to [0.2, 5], never growing after a rejection; a NaN error
 * shrinks the step.
 */
export function stepFactor(
  error: number,
  order: number,
  rejected: boolean,
  previousError: number,
  beta: number,
): number {
  if (Number.isNaN(error)) return 0.2;
  if (!(error > 0)) return rejected ? 1 : 5;
  const factor = 0.9 * Math.pow(error, -(1 / (order + 1) - 0.75 * beta)) * Math.pow(previousError, beta);
  return Math.min(rejected ? 1 : 5, Math.max(0.2, factor));
}

/** PI weight beta of `stepFactor` used by the lab's integrators. */
export const PI_BETA = 0.08;
/** Floor of the previous error norm fed to the PI controller (a near-exact step must not inflate the next one). */
export const MIN_PREVIOUS_ERROR = 1e-4;

/** Hairer's first guess h = 0.01 |y| / |y'| (scaled norms), bounded by the span to integrate. */
export function initialStep(y: Float64Array, slope: Float64Array, span: number, tolerances: Tolerances): number {
  let sizeY = 0;
  let sizeSlope = 0;
  for (let i = 0; i < y.length; i++) {
    const scale = tolerances.atol + tolerances.rtol * Math.abs(y[i]);
    sizeY += (y[i] / scale) ** 2;
    sizeSlope += (slope[i] / scale) ** 2;
  }
  sizeY = Math.sqrt(sizeY / y.length);
  sizeSlope = Math.sqrt(sizeSlope / y.length);
  const guess = sizeY < 1e-5 || sizeSlope < 1e-5 ? 1e-6 * span : (0.01 * sizeY) / sizeSlope;
  return Math.min(guess, span);
}

/** Thrown when an integrator cannot meet its tolerances with any representable step. */
export class StepSizeUnderflowError extends Error {
  override readonly name = 'StepSizeUnderflowError';
}

/**
 * The step-size side of an adaptive integrator of error order `order`: a span of the independent variable is covered by
 * steps of the proposed size h, the last one cut short to land on the span's end; a step is accepted when its scaled
 * error norm is at most 1, and either way the PI controller sets the next size. An integrator extends it and runs
 *   startSpan(y, F(y), span); while (spanLeft()) { h = stepSize(); try the step; if (acceptStep(...)) take it }.
 */
export abstract class AdaptiveStepping {
  /** h: step size proposed for the next step (0: choose one on the next call). */
  h = 0;
  /** Steps attempted so far (accepted and rejected). */
  attempts = 0;
  /** Error norm of the last accepted step (PI control). */
  previousError = 1;
  /** The span being covered, how much of it is done, whether the current step ends it, whether the last try failed. */
  private span = 0;
  private done = 0;
  private last = false;
  private rejected = false;

  protected constructor(
    private readonly order: number,
    /** The method's name, for the underflow error. */
    private readonly method: string,
    private readonly tolerances: Tolerances,
  ) {}

  /** Starts covering `span` from y, whose slope is given (for a first step size when none is proposed). */
  protected startSpan(y: Float64Array, slope: Float64Array, span: number): void {
    if (!(this.h > 0)) this.h = initialStep(y, slope, span, this.tolerances);
    this.span = span;
    this.done = 0;
    this.rejected = false;
  }

  /** Whether some of the span is still to cover. */
  protected spanLeft(): boolean {
    return this.done < this.span;
  }

  /** The size of the next step: the proposal, or what is left of the span when the proposal reaches its end. */
  protected stepSize(): number {
    this.last = this.done + this.h >= this.span;
    return this.last ? this.span - this.done : this.h;
  }

  /**
   * Judges a step of size h from `before` to `after` with error estimate `error`: true when accepted (the caller then
   * takes it); false when rejected, with a smaller h proposed. Throws StepSizeUnderflowError when h gets negligible.
   */
  protected acceptStep(h: number, error: Float64Array, before: Float64Array, after: Float64Array): boolean {
    this.attempts++;
    const norm = scaledErrorNorm(error, before, after, this.tolerances);
    // !(norm <= 1), not norm > 1: a NaN norm (the field overflowed) rejects the step, and h shrinks until a step
    // passes or the underflow test (a NaN h fails it too) ends the integration
    if (!(norm <= 1)) {
      this.h = h * stepFactor(norm, this.order, true, this.previousError, PI_BETA);
      this.rejected = true;
      if (!(this.h > 1e-14 * this.span))
        throw new StepSizeUnderflowError(`${this.method} step size underflow (h = ${this.h})`);
      return false;
    }
    this.done = this.last ? this.span : this.done + h;
    // A final step cut short to land on the span's end says nothing about the step size: keep the proposal.
    if (!this.last || h >= this.h)
      this.h = h * stepFactor(norm, this.order, this.rejected, this.previousError, PI_BETA);
    this.previousError = Math.max(norm, MIN_PREVIOUS_ERROR);
    this.rejected = false;
    return true;
  }
}
