import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrainerPool } from '../../src-main/pool/trainerPool';
import { doneOutcome, quickConfig, record } from './record';
import { scriptedChild, type ScriptedChild } from './scriptedChild';

const config = quickConfig(1000, 100);
const checkpoint = {
  step: 0,
  tau: 0,
  loss: 1,
  limitLoss: null,
  covered: 0,
  a: new Float64Array(21),
  u: new Float64Array(20),
};

function poolOf(
  size: number,
  options: { progressIntervalMs?: number; cancelGraceMs?: number; hold?: () => Promise<unknown> | null } = {},
) {
  const children: ScriptedChild[] = [];
  const pool = new TrainerPool({ spawn: () => children[children.push(scriptedChild()) - 1], size, ...options });
  return { pool, children };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TrainerPool rules (scripted processes)', () => {
  it('starts jobs in new processes up to its size, with a start message', () => {
    const { pool, children } = poolOf(2);
    pool.enqueue({ runId: 'a', config }, record().listener);
    pool.enqueue({ runId: 'b', config }, record().listener);
    pool.enqueue({ runId: 'c', config }, record().listener);
    expect(children.map((child) => child.received)).toEqual([
      [{ type: 'start', runId: 'a', config }],
      [{ type: 'start', runId: 'b', config }],
    ]);
    expect([pool.running, pool.queued]).toEqual([2, 1]);
    expect(() => pool.enqueue({ runId: 'c', config }, record().listener)).toThrow(/already in the trainer pool/);
  });

  it('gives the next job to the process of a job that finished cleanly', async () => {
    const { pool, children } = poolOf(1);
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    pool.enqueue({ runId: 'b', config }, record().listener);
    children[0].emit({
      type: 'finished',
      outcome: doneOutcome(1000),
      durationMs: 5,
    });
    expect(await run.ended).toMatchObject({ outcome: { status: 'done' }, durationMs: 5 });
    expect(children[0].killed).toBe(false);
    expect([children.length, pool.running, pool.queued]).toEqual([1, 1, 0]);
    expect(children[0].received.at(-1)).toEqual({ type: 'start', runId: 'b', config });
  });

  it('keeps the slot of a failed job until its process has exited', async () => {
    const { pool, children } = poolOf(1);
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    pool.enqueue({ runId: 'b', config }, record().listener);
    children[0].emit({ type: 'error', error: { name: 'Error', message: 'boom' } });
    // Killed, but not yet exited: the slot is still taken.
    expect(children[0].killed).toBe(true);
    expect([children.length, pool.queued]).toEqual([1, 1]);
    expect(await run.ended).toEqual({ error: { name: 'Error', message: 'boom' } });
    // The scripted process exits right after the kill: the next job gets a new process.
    expect([children.length, pool.running, pool.queued]).toEqual([2, 1, 0]);
  });

  it('fails a job whose process sends an invalid message, naming the field', async () => {
    const { pool, children } = poolOf(1);
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    children[0].emit({ type: 'checkpoints', firstIndex: 0, checkpoints: [{ ...checkpoint, a: [0, 0] }] });
    expect(await run.ended).toEqual({
      error: {
        name: 'ProtocolError',
        message: 'trainer process sent an invalid message: checkpoints.0.a: must be a Float64Array',
      },
    });
    expect(children[0].killed).toBe(true);
  });

  it('ignores whatever a process says after its job ended', async () => {
    const { pool, children } = poolOf(1);
    const run = record();
    const failed = vi.spyOn(run.listener, 'failed');
    pool.enqueue({ runId: 'a', config }, run.listener);
    children[0].emit({ type: 'error', error: { name: 'LimitUndefinedError', message: 'bad init' } });
    children[0].emit({ type: 'checkpoints', firstIndex: 0, checkpoints: [checkpoint] });
    children[0].emit({ type: 'error', error: { name: 'Error', message: 'again' } });
    expect(await run.ended).toEqual({ error: { name: 'LimitUndefinedError', message: 'bad init' } });
    await Promise.resolve();
    expect(failed).toHaveBeenCalledTimes(1);
    expect(run.batches).toEqual([]);
  });

  it('fails a job whose listener throws, and kills its process', async () => {
    const { pool, children } = poolOf(1);
    const run = record();
    run.listener.checkpoints = () => {
      throw new Error('could not save checkpoints: the disk is full');
    };
    pool.enqueue({ runId: 'a', config }, run.listener);
    children[0].emit({ type: 'checkpoints', firstIndex: 0, checkpoints: [checkpoint] });
    expect(await run.ended).toEqual({
      error: { name: 'Error', message: 'could not save checkpoints: the disk is full' },
    });
    expect(children[0].killed).toBe(true);
  });

  it('passes progress on at most once per interval', () => {
    vi.useFakeTimers();
    const { pool, children } = poolOf(1, { progressIntervalMs: 50 });
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    for (let step = 1; step <= 10; step++) {
      children[0].emit({ type: 'progress', step, tau: step, stepsPerSecond: 100 });
      vi.advanceTimersByTime(20);
    }
    expect(run.progress.map((p) => p.step)).toEqual([1, 4, 7, 10]);
  });

  it('kills a process that ignores cancel once the grace period is over', async () => {
    vi.useFakeTimers();
    const { pool, children } = poolOf(1, { cancelGraceMs: 500 });
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    expect(pool.cancel('a')).toBe(true);
    expect(children[0].received.at(-1)).toEqual({ type: 'cancel' });
    vi.advanceTimersByTime(499);
    expect(children[0].killed).toBe(false);
    vi.advanceTimersByTime(1);
    expect(children[0].killed).toBe(true);
    expect(await run.ended).toEqual({
      error: {
        name: 'CancelTimeoutError',
        message: 'trainer process did not stop within 500 ms of cancel and was killed',
      },
    });
  });

  it('fails a job whose process cannot be spawned and goes on', async () => {
    let calls = 0;
    const pool = new TrainerPool({
      spawn: () => {
        if (calls++ === 0) throw new Error('spawn ENOENT');
        return scriptedChild();
      },
      size: 1,
    });
    const broken = record();
    pool.enqueue({ runId: 'a', config }, broken.listener);
    pool.enqueue({ runId: 'b', config }, record().listener);
    expect(await broken.ended).toEqual({ error: { name: 'Error', message: 'spawn ENOENT' } });
    expect(pool.running).toBe(1);
  });

  it('describes how a process ended without finishing', async () => {
    const { pool, children } = poolOf(3);
    const runs = [record(), record(), record()];
    runs.forEach((run, i) => pool.enqueue({ runId: `r${i}`, config }, run.listener));
    children[0].exit(0);
    children[1].exit(null, 'SIGSEGV');
    children[2].exit(null, null);
    expect(await Promise.all(runs.map((run) => run.ended))).toEqual([
      { error: { name: 'TrainerExitError', message: 'trainer process exited with code 0 before the run finished' } },
      { error: { name: 'TrainerExitError', message: 'trainer process killed by SIGSEGV' } },
      { error: { name: 'TrainerExitError', message: 'trainer process could not start' } },
    ]);
    expect(pool.running).toBe(0);
  });

  it('keeps what its processes send, exits too, in order while a hold lasts, and hands it all over once it settles', async () => {
    let release!: () => void;
    let hold: Promise<void> | null = new Promise((resolve) => (release = resolve));
    const { pool, children } = poolOf(1, { hold: () => hold });
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    children[0].emit({ type: 'started', totalSteps: 1000 });
    children[0].emit({ type: 'checkpoints', firstIndex: 0, checkpoints: [checkpoint] });
    children[0].emit({ type: 'checkpoints', firstIndex: 1, checkpoints: [checkpoint] });
    children[0].exit(1);
    expect([run.totalSteps, run.batches.length, pool.running]).toEqual([null, 0, 1]);
    hold = null;
    release();
    expect(await run.ended).toEqual({
      error: { name: 'TrainerExitError', message: 'trainer process exited with code 1 before the run finished' },
    });
    expect(run.totalSteps).toBe(1000);
    expect(run.batches.map((batch) => batch.firstIndex)).toEqual([0, 1]);
    expect(pool.running).toBe(0);
  });

  it('hands over what it kept when it closes during a hold, and waits for nothing', async () => {
    const { pool, children } = poolOf(1, { hold: () => new Promise(() => undefined) });
    const run = record();
    pool.enqueue({ runId: 'a', config }, run.listener);
    children[0].emit({ type: 'checkpoints', firstIndex: 0, checkpoints: [checkpoint] });
    expect(run.batches).toHaveLength(0);
    await pool.close();
    expect(run.batches).toHaveLength(1);
    expect(await run.ended).toEqual({
      error: { name: 'PoolClosedError', message: 'the trainer pool closed before the run finished' },
    });
  });
});
