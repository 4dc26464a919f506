/** The sentence under a run's outcome never reads as if the convergence rule held when it did not. */
import { describe, expect, it } from 'vitest';
import type { RunDetail } from '#shared/api/contract';
import { parseRunConfig } from '#shared/config/schema';
import { lossFloor } from '#shared/math/target';
import { convergenceNote } from '../../src-main/report/summary';

const config = parseRunConfig({});
const floor = lossFloor(config.target, config.network.eta);
const run = (outcome: Partial<RunDetail>): RunDetail =>
  ({
    id: 'r',
    name: 'r',
    status: 'done',
    config,
    finalLoss: floor,
    coveredJumps: 5,
    totalJumps: 5,
    ...outcome,
  }) as RunDetail;

describe('convergenceNote', () => {
  it('states the rule as holding for a converged run', () => {
    expect(convergenceNote(run({}))).toMatch(/^Converged: every jump holds a neuron within η\/2/);
  });

  it('says what failed first for a run that did not converge', () => {
    const note = convergenceNote(run({ finalLoss: 3 * floor, coveredJumps: 4 }));
    expect(note).toMatch(/^Not converged: 1 of 5 jumps hold no neuron within η\/2; the final loss is 3 × the floor\./);
    expect(note).toContain('A run converges when every jump holds');
    expect(note).not.toMatch(/^Converged/);
  });

  it('names the status of a run that did not finish on its own', () => {
    expect(convergenceNote(run({ status: 'diverged', finalLoss: 1e9 }))).toMatch(
      /^Not converged: the run ended diverged; the final loss is/,
    );
  });

  it('says nothing where the rule does not apply', () => {
    expect(convergenceNote(run({ config: parseRunConfig({ trainer: 'full-batch' }) }))).toBeNull();
  });
});
