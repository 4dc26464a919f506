/** Configurations and fixture accessors shared by the limit tests. */
import { parseRunConfig, PAPER_TARGET, type RunConfig, type Target } from '#shared/config/schema';
import type { FixtureTarget } from '../../fixtures';

/** A standalone limit run of `steps` grid steps over [0, tauMax] on `target`. */
export function limitConfig(
  target: Target,
  tauMax: number,
  steps: number,
  integrator: 'euler-snap' | 'accurate' = 'euler-snap',
): RunConfig {
  return parseRunConfig({
    trainer: 'limit',
    target,
    network: { m: 20, eta: 4e-3 },
    duration: { kind: 'tau', tauMax },
    ode: { integrator, steps },
  });
}

/** The paper's limit run: paper target, tau_max = 0.035, 1000 Euler steps (the authors' setting). */
export const paperLimitConfig = (integrator: 'euler-snap' | 'accurate' = 'euler-snap', steps = 1000): RunConfig =>
  limitConfig(PAPER_TARGET, 0.035, steps, integrator);

export const asTarget = (t: FixtureTarget): Target => ({ positions: t.positions, values: t.values });

/** The fixture's numbers as a Float64Array. */
export const floats = (values: unknown): Float64Array => Float64Array.from(values as number[]);
