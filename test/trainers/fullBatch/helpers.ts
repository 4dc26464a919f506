/** Configurations of the section-5 experiments, scaled as each test needs. */
import { parseRunConfig, type RunConfig, type RunConfigInput } from '#shared/config/schema';

/** The authors' full-batch setting: m = 10 units per coordinate, eta = 0.01, a ~ 3 U[0,1], u ~ U[0,1]. */
export function fullBatchConfig(fullBatch: RunConfigInput['fullBatch'], seed = 0): RunConfig {
  return parseRunConfig({
    trainer: 'full-batch',
    network: { m: 10, eta: 0.01, weights: { kind: 'uniform', scale: 3 } },
    fullBatch,
    seed,
  });
}
