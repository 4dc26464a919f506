/** Shared by the SGD tests: configurations and a plain reference loop built on stochasticGradients. */
import { parseRunConfig, type RunConfig, type RunConfigInput } from '../../../src-shared/config/schema';
import { stochasticGradients } from '../../../src-shared/math/stochastic';
import { createRng } from '../../../src-shared/rng';
import { initialParameters } from '../../../src-shared/trainers/init';

export function sgdConfig(overrides: RunConfigInput = {}): RunConfig {
  return parseRunConfig({ trainer: 'sgd', duration: { kind: 'steps', steps: 1_000_000 }, ...overrides });
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
