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

/**
 * Neurons around the paper target's jumps with hand-placed flanks: nearer on the left, nearer on the right, and (at
 * 0.5) nearly equidistant; one jump per cell. Read only.
 */
export const FLANKED_POSITIONS = Float64Array.from([
  0.05, 0.1, 0.18, 0.23, 0.3, 0.38, 0.45, 0.55, 0.6, 0.67, 0.78, 0.85, 0.95,
]);
/** FLANKS[i]: indices in FLANKED_POSITIONS of the left and right flank of the paper target's jump i. */
export const FLANKS = [
  [2, 3],
  [4, 5],
  [6, 7],
  [8, 9],
  [10, 11],
];

/** Distances (d_L, d_R) from the paper target's jump i to its flanks (FLANKS[i]) among the positions `u`. */
export function flankDistances(u: Float64Array, i: number): [number, number] {
  const v = PAPER_TARGET.positions[i];
  return [v - u[FLANKS[i][0]], u[FLANKS[i][1]] - v];
}

export const asTarget = (t: FixtureTarget): Target => ({ positions: t.positions, values: t.values });

/** The fixture's numbers as a Float64Array. */
export const floats = (values: unknown): Float64Array => Float64Array.from(values as number[]);
