/** The paper's network (docs/MODEL.md section 6): paper target, m = 20, eta = 4e-3, seed-42 numpy init, tau up to 0.035. */
import { parseRunConfig, type RunConfig, type RunConfigInput } from '#shared/config/schema';
import { Mt19937 } from '#shared/rng/mt19937';

export function paperConfig(overrides: RunConfigInput): RunConfig {
  return parseRunConfig({
    network: { m: 20, eta: 4e-3 },
    duration: { kind: 'tau', tauMax: 0.035 },
    seed: 42,
    rng: 'numpy',
    ...overrides,
  });
}

export const seed42 = () => new Mt19937(42);
