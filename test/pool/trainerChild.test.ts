import { describe, expect, it } from 'vitest';
import { LimitUndefinedError } from '#shared/trainers/types';
import { SESSION_SNAPSHOT_VERSION } from '#shared/run/snapshot';
import type { RunCheckpoint, RunSession } from '#shared/run/types';
import type { ParentChannel } from '../../src-main/trainer/channel';
import { FLUSH_COUNT } from '../../src-main/trainer/checkpointBatch';
import type { ChildMessage } from '../../src-main/trainer/protocol';
import { serveTrainer } from '../../src-main/trainer/serve';
import { CHUNK_MS, nextBudget, type CreateSession } from '../../src-main/trainer/trainerRun';
import { doneOutcome, quickConfig } from './record';

/** The parent's side of an in-memory channel. */
function connect(createSession: CreateSession) {
  const sent: ChildMessage[] = [];
  let deliver: (raw: unknown) => void = () => undefined;
  const waiters: Array<() => void> = [];
  const channel: ParentChannel = {
    send: (message) => {
      sent.push(message);
      waiters.splice(0).forEach((wake) => wake());
    },
    onMessage: (listener) => (deliver = listener),
  };
  serveTrainer(channel, createSession, null);
  const until = async (done: () => boolean) => {
    while (!done()) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { sent, post: (raw: unknown) => deliver(raw), until, last: () => sent[sent.length - 1] };
}

const checkpointAt = (step: number): RunCheckpoint => ({
  step,
  tau: step,
  loss: 1,
  limitLoss: null,
  covered: 0,
  a: Float64Array.of(step),
  u: Float64Array.of(step),
});

/** A session of `total` steps with a checkpoint at every step, done in one advance when `total` is finite. */
const countingSession =
  (total: number): CreateSession =>
  (config, onCheckpoint) => {
    let step = 0;
    return {
      config,
      totalSteps: total,
      get status() {
        return step >= total ? 'done' : 'running';
      },
      get step() {
        return step;
      },
      tau: 0,
      advance(budget) {
        for (let i = 0; i < budget && step < total; i++) onCheckpoint(checkpointAt(++step));
        return step < total;
      },
      outcome: () => doneOutcome(step),
      snapshot: () => ({
        version: SESSION_SNAPSHOT_VERSION,
        trainer: {
          kind: 'sgd',
          step,
          tau: 0,
          a: Float64Array.of(step),
          u: Float64Array.of(step),
          rng: new Uint32Array(0),
        },
        limit: null,
        recorded: step,
        best: 1,
        last: step > 0 ? checkpointAt(step) : null,
      }),
    } satisfies RunSession;
  };

describe('trainer process message loop', () => {
  it('refuses a start message with a bad configuration, naming the field', async () => {
    const child = connect(countingSession(10));
    child.post({ type: 'start', runId: 'r', config: { ...quickConfig(10, 1), network: { m: -1 } } });
    await child.until(() => child.sent.length > 0);
    expect(child.sent).toEqual([
      { type: 'error', error: { name: 'ValidationError', message: 'config.network.m: must be at least 1' } },
    ]);
  });

  it('refuses unknown messages and a second start while busy', async () => {
    const child = connect(countingSession(1e12));
    child.post({ type: 'pause' });
    child.post({ type: 'start', runId: 'r', config: quickConfig(10, 1) });
    child.post({ type: 'start', runId: 'r', config: quickConfig(10, 1) });
    await child.until(() => child.sent.length >= 3);
    expect(child.sent[0]).toMatchObject({ type: 'error', error: { name: 'ValidationError' } });
    expect(child.sent[1]).toEqual({ type: 'started', totalSteps: 1e12 });
    expect(child.sent[2]).toEqual({
      type: 'error',
      error: { name: 'ProtocolError', message: 'this trainer process is still busy with a run' },
    });
    child.post({ type: 'cancel' });
    await child.until(() => child.last().type === 'finished');
  });

  it('reports a session that cannot start as an error with its name', async () => {
    const child = connect(() => {
      throw new LimitUndefinedError();
    });
    child.post({ type: 'start', runId: 'r', config: quickConfig(10, 1) });
    await child.until(() => child.sent.length > 0);
    expect(child.sent).toEqual([
      { type: 'error', error: { name: 'LimitUndefinedError', message: new LimitUndefinedError().message } },
    ]);
  });

  it(`sends checkpoints in batches of at most ${FLUSH_COUNT}, in order, then the outcome`, async () => {
    const child = connect(countingSession(120));
    child.post({ type: 'start', runId: 'r', config: quickConfig(10, 1) });
    await child.until(() => child.last().type === 'finished');
    const batches = child.sent.flatMap((message) => (message.type === 'checkpoints' ? [message] : []));
    const steps = batches.flatMap((batch) => batch.checkpoints.map((checkpoint) => checkpoint.step));
    expect(steps).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    let index = 0;
    for (const batch of batches) {
      expect(batch.firstIndex).toBe(index);
      expect(batch.checkpoints.length).toBeLessThanOrEqual(FLUSH_COUNT);
      index += batch.checkpoints.length;
    }
    expect(child.last()).toMatchObject({ type: 'finished', outcome: { status: 'done', steps: 120 } });
  });

  it('stops at the next chunk on cancel, after sending every checkpoint gathered', async () => {
    const child = connect(countingSession(1e12));
    child.post({ type: 'start', runId: 'r', config: quickConfig(10, 1) });
    await child.until(() => child.sent.some((message) => message.type === 'checkpoints'));
    child.post({ type: 'cancel' });
    await child.until(() => child.last().type === 'finished');
    const finished = child.last();
    const steps = child.sent.flatMap((message) =>
      message.type === 'checkpoints' ? message.checkpoints.map((c) => c.step) : [],
    );
    expect(finished).toMatchObject({ type: 'finished', outcome: { status: 'cancelled' } });
    expect(finished.type === 'finished' && finished.outcome.steps).toBe(steps.length);
  });
});

describe('chunk budget', () => {
  it('scales the steps of a chunk toward CHUNK_MS of work, at most 4x at a time', () => {
    expect(nextBudget(1000, CHUNK_MS)).toBe(1000);
    expect(nextBudget(1000, CHUNK_MS / 2)).toBe(2000);
    expect(nextBudget(1000, 0)).toBe(4000);
    expect(nextBudget(1000, CHUNK_MS * 2)).toBe(500);
    expect(nextBudget(1000, CHUNK_MS * 100)).toBe(250);
    expect(nextBudget(1, CHUNK_MS * 100)).toBe(1);
  });
});
