/**
 * Whether a run's initial positions give every target piece at least two neurons, so that the two-timescale limit is
 * defined: decided directly for evenly spaced and listed positions, as a probability (and for the chosen seed) for
 * uniform random ones.
 */
import type { RunConfig } from '../config/schema';
import { subdivisionProblem } from '../math/limit';
import { seededInitialParameters } from '../trainers/init';
import { uniformInitValidProbability } from './subdivision';

export type InitCheck =
  /** The full-batch problems have their own targets and no limit. */
  | { kind: 'not-applicable'; reason: string }
  /** Deterministic positions (even, list): `problem` says which piece lacks neurons, null when none does. */
  | { kind: 'certain'; problem: string | null }
  /**
   * Uniform random positions: `probability` over all seeds (null when too costly to sum exactly), and the verdict for
   * the configured seed and generator.
   */
  | { kind: 'random'; probability: number | null; seedProblem: string | null };

export function initCheck(config: RunConfig): InitCheck {
  if (config.trainer === 'full-batch')
    return {
      kind: 'not-applicable',
      reason: 'the full-batch problems have their own targets and no two-timescale limit',
    };
  const { u } = seededInitialParameters(config);
  const problem = subdivisionProblem(config.target, u);
  if (config.network.positions.kind !== 'uniform') return { kind: 'certain', problem };
  return {
    kind: 'random',
    probability: uniformInitValidProbability(config.target, config.network.m),
    seedProblem: problem,
  };
}
