/**
 * Shared by the flow tests. The paper's network (docs/MODEL.md section 6): paper target, m = 20, eta = 4e-3, seed-42
 * numpy init, tau up to 0.035; and the check that a flow trainer resumes from its snapshot bit for bit.
 */
import { expect } from 'vitest';
import { parseRunConfig, type RunConfig, type RunConfigInput } from '#shared/config/schema';
import { Mt19937 } from '#shared/rng/mt19937';
import type { OdeTrainer } from '#shared/trainers/odeTrainer';

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

/**
 * Runs a trainer made by `make` for `before` steps, snapshots it (a structured clone, as the snapshot travels) and runs
 * it `after` steps more; restores the snapshot into a fresh trainer and runs that `after` steps too. Expects the two to
 * agree bit for bit (step count, positions, weights, integrator steps); returns both, for what a test checks besides.
 */
export function expectResumesBitForBit<T extends OdeTrainer>(
  make: () => T,
  before: number,
  after: number,
): { original: T; resumed: T } {
  const original = make();
  original.step(before);
  const snapshot = structuredClone(original.snapshot());
  original.step(after);
  const resumed = make();
  resumed.restore(snapshot);
  resumed.step(after);
  expect(resumed.state.step).toBe(before + after);
  expect(Array.from(resumed.state.u)).toEqual(Array.from(original.state.u));
  expect(Array.from(resumed.state.a)).toEqual(Array.from(original.state.a));
  expect(resumed.integratorSteps).toBe(original.integratorSteps);
  return { original, resumed };
}
