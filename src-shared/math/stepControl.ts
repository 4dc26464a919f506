/** Shared pieces of the adaptive ODE integrators: the scaled error norm and the step-size update. */

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
