import { describe, expect, it } from 'vitest';
import type { RunDetail } from '#shared/api/contract';
import { convergenceCount, hasConvergenceRule, isConverged, isDecided } from '#shared/analysis/convergence';
import { parseRunConfig } from '#shared/config/schema';

// Paper target, eta = 4e-3: floor = 4e-3 * 56 / 28 = 0.008, so the bound is 0.012.
const config = parseRunConfig({});
const run = (patch: Partial<RunDetail>) => ({
  status: 'done' as const,
  finalLoss: 0.01,
  coveredJumps: 5,
  totalJumps: 5,
  config,
  ...patch,
});

describe('convergence rule', () => {
  it('needs every jump covered and the final loss within 1.5 x the floor', () => {
    expect(isConverged(run({}))).toBe(true);
    expect(isConverged(run({ finalLoss: 0.0119 }))).toBe(true);
    expect(isConverged(run({ finalLoss: 0.0121 }))).toBe(false);
    expect(isConverged(run({ coveredJumps: 4 }))).toBe(false);
    expect(isConverged(run({ status: 'diverged' }))).toBe(false);
    expect(isConverged(run({ finalLoss: null }))).toBe(false);
  });

  it('counts finished runs only: cancelled, interrupted, queued and running ones are left out', () => {
    const runs = [
      run({}),
      run({ status: 'failed' }),
      run({ status: 'cancelled' }),
      run({ status: 'running' }),
      run({ finalLoss: 0.5 }),
    ];
    expect(runs.map(isDecided)).toEqual([true, true, false, false, true]);
    expect(convergenceCount(runs)).toEqual({ converged: 1, decided: 3 });
  });

  it('applies to 1-D smoothed-step runs only', () => {
    expect(hasConvergenceRule({ config })).toBe(true);
    expect(hasConvergenceRule({ config: parseRunConfig({ trainer: 'full-batch' }) })).toBe(false);
    expect(hasConvergenceRule({ config: parseRunConfig({ network: { activation: 'relu' } }) })).toBe(false);
  });
});
