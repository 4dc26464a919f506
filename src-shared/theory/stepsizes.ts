/**
 * Stepsizes that break an SGD run, known before it starts (docs/MODEL.md section 7, "Stepsizes that diverge"): the
 * outer stepsize h against the features' second moments at the initial positions, the inner stepsize h epsilon
 * against the curvature of the loss at a neuron resting on the largest jump. A warning, never an error: a user may
 * want to watch a run diverge.
 */
import { formatNumber } from '../base/format';
import type { RunConfig, SweepSpec } from '../config/schema';
import { expandSweep } from '../config/sweep';
import { sigma } from '../math/activation';
import { Population } from '../math/population';
import { seededInitialParameters } from '../trainers/init';

/** What bounds the two stepsizes of an SGD run. */
export interface StepsizeLimits {
  /** tr G at the initial positions: the mean of |phi(x)|^2 over x, phi(x) the m + 1 neurons' values at x. */
  gramTrace: number;
  /** max_x |phi(x)|^2 at the initial positions, reached at x = 1 (every sigma increases with x). */
  peakSquaredNorm: number;
  /** 1 / max_x |phi(x)|^2: up to this h no step of the weights can make them grow (section 7). */
  stableH: number;
  /** 1 / tr G: where SGD starts to diverge, within the spread measured in section 7. */
  divergingH: number;
  /**
   * 2 / kappa, kappa the curvature of L in the position of a neuron resting on the largest jump (its weight the jump's
   * size): beyond this inner stepsize h epsilon the positions' mean step overshoots. Infinity for a target without jumps.
   */
  innerLimit: number;
}

/** A stepsize that breaks the run, with a value of the same field that does not. */
export interface StepsizeWarning {
  /** The configuration field: `sgd.h` or `sgd.epsilon`. */
  field: 'sgd.h' | 'sgd.epsilon';
  value: number;
  /** A value of the field that is stable (the other stepsize kept). */
  stable: number;
  /** One line in the paper's symbols, naming the value, the limit and the stable value. */
  message: string;
}

/**
 * Curvature of L in u_j per Delta^2 / eta at a neuron centred on a jump of size Delta with a_j = Delta: 2 for the
 * authors' box gradient (2 a_j^2 / eta from the ramp, the residual vanishing at both ends of the box), 6 for the exact
 * one (3.6 from int sigma'^2 = 9/5, 2.4 from the residual against sigma'').
 */
const CURVATURE = { box: 2, exact: 6 } as const;

/** The inner stepsize suggested: a tenth of the limit, where label noise alone no longer scatters the neurons (section 7). */
const INNER_MARGIN = 10;

/**
 * The limits of an SGD configuration at the positions its seed draws. The step on the weights is least mean squares,
 * a <- a + 2h (y - phi . a) phi: along phi(x) it multiplies the error by 1 - 2h |phi(x)|^2. Its mean is a step of
 * gradient descent on the quadratic of section 4, stable while h lambda_max(G) < 1; the noise of one sample a step makes
 * it diverge from about h tr G = h E|phi|^2 = 1 on, a bound on lambda_max(G) that costs O(m) (G is positive
 * semi-definite). No step can lengthen the error while h max_x |phi(x)|^2 <= 1.
 */
export function stepsizeLimits(config: RunConfig): StepsizeLimits {
  const { m, eta } = config.network;
  const { u } = seededInitialParameters(config);
  const gramTrace = new Population(config.target, eta, m).gramTrace(u);
  let peakSquaredNorm = 1;
  for (let j = 0; j < m; j++) peakSquaredNorm += sigma((1 - u[j]) / eta) ** 2;
  const largestJump = Math.max(0, ...config.target.values.slice(1).map(Math.abs));
  const curvature = (CURVATURE[config.sgd.uGradient] * largestJump * largestJump) / eta;
  return {
    gramTrace,
    peakSquaredNorm,
    stableH: 1 / peakSquaredNorm,
    divergingH: 1 / gramTrace,
    innerLimit: curvature > 0 ? 2 / curvature : Infinity,
  };
}

/** The SGD stepsizes of `config` that break the run, none for a stable one or another trainer. */
export function stepsizeWarnings(config: RunConfig): StepsizeWarning[] {
  if (config.trainer !== 'sgd') return [];
  const { h, epsilon } = config.sgd;
  const limits = stepsizeLimits(config);
  const warnings: StepsizeWarning[] = [];
  if (h > limits.stableH) {
    warnings.push({
      field: 'sgd.h',
      value: h,
      stable: limits.stableH,
      message: `h = ${formatNumber(h)} may make the weights diverge: SGD diverges from about h = ${formatNumber(limits.divergingH)} (1/tr G at this initialisation); h ≤ ${formatNumber(limits.stableH)} is stable`,
    });
  }
  if (h * epsilon > limits.innerLimit) {
    const stable = limits.innerLimit / INNER_MARGIN / h;
    warnings.push({
      field: 'sgd.epsilon',
      value: epsilon,
      stable,
      message: `ε = ${formatNumber(epsilon)} throws the neurons out of [0, 1]: the inner stepsize h·ε = ${formatNumber(h * epsilon)} is beyond ${formatNumber(limits.innerLimit)}, where the positions' step overshoots at the largest jump; ε ≤ ${formatNumber(stable)} is stable`,
    });
  }
  return warnings;
}

/** One field's warnings over a sweep: how many runs it concerns, and the first of them. */
export interface SweepStepsizeWarning {
  field: StepsizeWarning['field'];
  runs: number;
  total: number;
  /** The first run concerned: its label (grid point and seed) and warning. */
  first: { label: string; warning: StepsizeWarning };
}

/** The stepsize warnings of every run of a sweep, one per field. */
export function sweepStepsizeWarnings(spec: SweepSpec): SweepStepsizeWarning[] {
  const runs = expandSweep(spec);
  const total = runs.length;
  const byField = new Map<StepsizeWarning['field'], SweepStepsizeWarning>();
  for (const run of runs) {
    for (const warning of stepsizeWarnings(run.config)) {
      const seen = byField.get(warning.field);
      if (seen) seen.runs++;
      else byField.set(warning.field, { field: warning.field, runs: 1, total, first: { label: run.label, warning } });
    }
  }
  return [...byField.values()];
}
