/**
 * A session snapshot taken at any moment, cloned as it crosses a process boundary and restored into a new session,
 * continues the run bit for bit: every checkpoint and the outcome equal those of a run never interrupted.
 */
import { describe, expect, it } from 'vitest';
import { createRunSession } from '#shared/run/session';
import { sessionSnapshotSchema, type SessionSnapshot } from '#shared/run/snapshot';
import type { RunCheckpoint, RunOutcome } from '#shared/run/types';
import { choices, firstDifference, resumeCases } from './resumeConfigs';
import type { RunConfig } from '#shared/config/schema';

function uninterrupted(config: RunConfig): { checkpoints: RunCheckpoint[]; outcome: RunOutcome } {
  const checkpoints: RunCheckpoint[] = [];
  const session = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint));
  while (session.advance(1_000_000));
  return { checkpoints, outcome: session.outcome() };
}

describe('resuming a session from a snapshot', () => {
  for (const [label, config] of resumeCases()) {
    it(`${label}: stopped at random moments and resumed, it records the same checkpoints bit for bit`, () => {
      const reference = uninterrupted(config);
      const random = choices(config.seed + label.length);
      const checkpoints: RunCheckpoint[] = [];
      let session = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint));
      let resumes = 0;
      for (;;) {
        const running = session.advance(1 + Math.floor(random() * session.totalSteps * 0.05));
        if (!running) break;
        if (random() < 0.3) {
          // What a trainer process sends and the store keeps: a structured clone, validated on the way back in.
          const snapshot: SessionSnapshot = sessionSnapshotSchema.parse(structuredClone(session.snapshot()));
          // Checkpoints recorded after a snapshot are dropped on resume, as the store drops them.
          checkpoints.length = snapshot.recorded;
          session = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint), snapshot);
          resumes++;
        }
      }
      expect(resumes).toBeGreaterThan(3);
      expect(firstDifference(reference.checkpoints, checkpoints)).toBeNull();
      expect(session.outcome()).toEqual(reference.outcome);
    });
  }

  it('refuses a snapshot of another kind of run, saying why', () => {
    const [[, sgd], , , , [, limit]] = resumeCases();
    const session = createRunSession(sgd, () => {});
    session.advance(1000);
    const snapshot = session.snapshot();
    expect(() => createRunSession(limit, () => {}, snapshot)).toThrow(/limit beside SGD differs|not taken from/);
  });

  it('a finished session has no state to resume', () => {
    const [[, config]] = resumeCases();
    const session = createRunSession({ ...config, duration: { kind: 'steps', steps: 100 } }, () => {});
    while (session.advance(1000));
    expect(() => session.snapshot()).toThrow(/done session/);
  });
});
