/** A run session end to end in process: schedule, limit beside SGD, divergence guard, determinism. */
import { describe, expect, it } from 'vitest';
import { findPreset } from '#shared/config/presets';
import { parseRunConfig, type RunConfig } from '#shared/config/schema';
import { createRunSession, LIMIT_UNDEFINED_NOTE } from '#shared/run/session';
import type { RunCheckpoint } from '#shared/run/types';

function quick(patch: Record<string, unknown> = {}): RunConfig {
  const preset = findPreset('paper-two-timescale-quick');
  if (preset?.kind !== 'run') throw new Error('preset missing');
  return parseRunConfig({ ...preset.config, duration: { kind: 'steps', steps: 50_000 }, ...patch });
}

function runToEnd(config: RunConfig) {
  const checkpoints: RunCheckpoint[] = [];
  const session = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint));
  while (session.advance(7_777));
  return { session, checkpoints, outcome: session.outcome() };
}

const allFinite = (checkpoint: RunCheckpoint) =>
  [checkpoint.loss, checkpoint.tau, checkpoint.limitLoss ?? 0, ...checkpoint.a, ...checkpoint.u].every(Number.isFinite);

describe('run session', () => {
  it('records the even schedule with the limit beside SGD and summarises the run', () => {
    const { checkpoints, outcome } = runToEnd(quick());
    expect(checkpoints.map((c) => c.step)).toEqual(Array.from({ length: 101 }, (_, i) => i * 500));
    expect(checkpoints.every((c) => c.limitLoss !== null)).toBe(true);
    expect(outcome).toMatchObject({ status: 'done', steps: 50_000, error: null, limitNote: null });
    expect(outcome.finalLoss).toBe(checkpoints[100].loss);
    expect(outcome.bestLoss).toBe(Math.min(...checkpoints.map((c) => c.loss)));
    expect(outcome.coverage).toHaveLength(5);
    expect(checkpoints[100].covered).toBe(outcome.coverage.filter((c) => c.covered).length);
  });

  it('stops a diverging run at its last good checkpoint, never recording a non-finite value', () => {
    // h = 5 makes the outer update overshoot by a factor of about 10 per step: the weights explode within a few steps.
    const { checkpoints, outcome } = runToEnd(quick({ sgd: { h: 5, epsilon: 2e-5, limitBeside: true } }));
    expect(outcome.status).toBe('diverged');
    expect(outcome.error).toMatch(/^diverged at step \d+: /);
    expect(checkpoints.length).toBeGreaterThan(0);
    expect(checkpoints.every(allFinite)).toBe(true);
    expect(outcome.finalLoss).toBe(checkpoints.at(-1)!.loss);
    expect(outcome.steps).toBeLessThan(50_000);
  });

  it('reports a limit that is undefined for the init and trains SGD anyway', () => {
    const { outcome, checkpoints } = runToEnd(quick({ network: { m: 3, eta: 4e-3, positions: { kind: 'even' } } }));
    expect(outcome.status).toBe('done');
    expect(outcome.limitNote).toBe(LIMIT_UNDEFINED_NOTE);
    expect(checkpoints.every((c) => c.limitLoss === null)).toBe(true);
  });

  it('replays bit for bit from the same configuration, whatever the chunking', () => {
    const first = runToEnd(quick({ seed: 9 })).checkpoints;
    const checkpoints: RunCheckpoint[] = [];
    const session = createRunSession(quick({ seed: 9 }), (checkpoint) => checkpoints.push(checkpoint));
    while (session.advance(1_234));
    expect(checkpoints).toEqual(first);
  });
});
