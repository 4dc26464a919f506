/** Initial parameters of a 1-D run, drawn in the authors' order: the m positions first, then the weights. */
import type { RunConfig } from '../config/schema';
import { createRng } from '../rng';
import type { Rng } from '../rng/types';

export interface InitialParameters {
  /** a[j]: outer weights, bias first (m + 1 entries). */
  a: Float64Array;
  /** u[j]: positions of the m free neurons. */
  u: Float64Array;
}

export function initialParameters(config: RunConfig, rng: Rng): InitialParameters {
  const { m, positions, weights } = config.network;
  const u = new Float64Array(m);
  if (positions.kind === 'uniform') {
    for (let j = 0; j < m; j++) u[j] = rng.next();
    u.sort();
  } else if (positions.kind === 'even') {
    for (let j = 0; j < m; j++) u[j] = (j + 0.5) / m;
  } else {
    u.set(positions.u);
  }
  const a = new Float64Array(m + 1);
  if (weights.kind === 'uniform') for (let j = 0; j <= m; j++) a[j] = weights.scale * rng.next();
  return { a, u };
}

/**
 * The initial parameters a run of `config` starts from: the first draw of the generator its seed starts, as the run
 * session hands that generator to the trainer (which draws these before anything else).
 */
export function seededInitialParameters(config: RunConfig): InitialParameters {
  return initialParameters(config, createRng(config.rng, config.seed));
}
