/**
 * The authors' per-sample gradients (docs/MODEL.md section 2, fixture section `stochastic_gradients`), written plainly as the
 * reference that the fast SGD engines are checked against.
 */
import type { Target } from '../config/schema';
import { sigma, sigmaPrime } from './activation';
import { evalNetwork } from './network';
import { evalTarget } from './target';

/** box: the authors' indicator [|x - u_j| <= eta/2] in place of sigma'; exact: the true derivative. */
export type UGradient = 'box' | 'exact';

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
