/**
 * Shared by the SGD tests: configurations, the authors' per-sample gradients (docs/MODEL.md section 2, fixture section
 * `stochastic_gradients`) written plainly as the reference that the fast SGD engines are checked against, and a plain
 * reference loop built on them.
 */
import { parseRunConfig, type RunConfig, type RunConfigInput, type Target } from '#shared/config/schema';
import { sigma, sigmaPrime } from '#shared/math/activation';
import { evalNetwork } from '#shared/math/network';
import { evalTarget } from '#shared/math/target';
import { createRng } from '#shared/rng';
import { initialParameters } from '#shared/trainers/init';
import type { UGradient } from '#shared/trainers/sgd/problem';

export function sgdConfig(overrides: RunConfigInput = {}): RunConfig {
  return parseRunConfig({ trainer: 'sgd', duration: { kind: 'steps', steps: 1_000_000 }, ...overrides });
}

/**
 * Gradients of (y - f(x))^2 for one sample with label y = f*(x) + noise, written to gradA (m + 1 entries, bias first:
 * -2 r sigma_eta(x - u_j)) and gradU (m entries: 2 r a_j g_j / eta, g_j the box or sigma'((x - u_j)/eta)).
 * Returns the residual r = f*(x) + noise - f(x).
 */
export function stochasticGradients(
  target: Target,
  a: Float64Array,
  u: Float64Array,
  eta: number,
  x: number,
  noise: number,
  gradA: Float64Array,
  gradU: Float64Array,
  variant: UGradient = 'box',
): number {
  const r = evalTarget(target, x) + noise - evalNetwork(a, u, eta, x);
  gradA[0] = -2 * r * sigma((x + eta / 2) / eta);
  for (let j = 0; j < u.length; j++) {
    const d = x - u[j];
    gradA[j + 1] = -2 * r * sigma(d / eta);
    const slope = variant === 'box' ? (Math.abs(d) <= eta / 2 ? 1 : 0) : sigmaPrime(d / eta);
    gradU[j] = (2 * r * a[j + 1] * slope) / eta;
  }
  return r;
}

/**
 * The paper's SGD written plainly: same generator, same draws (init, then x and xi per step), the authors' gradients,
 * a -= h gradA and u -= h epsilon gradU.
 */
export function referenceRun(config: RunConfig, steps: number): { a: Float64Array; u: Float64Array } {
  const rng = createRng(config.rng, config.seed);
  const { a, u } = initialParameters(config, rng);
  const gradA = new Float64Array(a.length);
  const gradU = new Float64Array(u.length);
  const { h, epsilon, noise, uGradient } = config.sgd;
  for (let k = 0; k < steps; k++) {
    const x = rng.next();
    const xi = noise * (2 * rng.next() - 1);
    stochasticGradients(config.target, a, u, config.network.eta, x, xi, gradA, gradU, uGradient);
    for (let j = 0; j < a.length; j++) a[j] -= h * gradA[j];
    for (let j = 0; j < u.length; j++) u[j] -= h * epsilon * gradU[j];
  }
  return { a, u };
}

/** Largest |x_i - y_i| / (1 + |y_i|). */
export function maxRelativeGap(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let gap = 0;
  for (let i = 0; i < y.length; i++) gap = Math.max(gap, Math.abs(x[i] - y[i]) / (1 + Math.abs(y[i])));
  return gap;
}
