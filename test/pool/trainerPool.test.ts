import { afterEach, describe, expect, it } from 'vitest';
import { forkTrainer, type ChildHandle } from '../../src-main/pool/forkTrainer';
import { TrainerPool } from '../../src-main/pool/trainerPool';
import { FLUSH_COUNT } from '../../src-main/trainer/checkpointBatch';
import { quickConfig, record } from './record';

let pool: TrainerPool | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

/** A pool of src-main/trainer/entry.ts processes (forkTrainer's default entry), kept to kill them from outside. */
function makePool(size: number, env: NodeJS.ProcessEnv = process.env) {
  const children: ChildHandle[] = [];
  const spawn = forkTrainer({ env });
  pool = new TrainerPool({ spawn: () => children[children.push(spawn()) - 1], size, cancelGraceMs: 3000 });
  return { pool, children };
}

describe('TrainerPool with real trainer processes', () => {
  it('streams checkpoints in order and throttled progress, then the outcome', async () => {
    const { pool } = makePool(1);
    const run = record();
    // Long enough (about a second) for several throttled progress reports, even on a fast machine.
    pool.enqueue({ runId: 'r1', config: quickConfig(10_000_000, 20_000) }, run.listener);
    const end = await run.ended;
    if (!('outcome' in end)) throw new Error(end.error.message);
    expect(end.outcome.status).toBe('done');
    expect(end.outcome.steps).toBe(10_000_000);
    expect(run.totalSteps).toBe(10_000_000);
    const checkpoints = run.checkpoints();
    expect(checkpoints.at(-1)?.step).toBe(10_000_000);
    let index = 0;
    for (const batch of run.batches) {
      expect(batch.firstIndex).toBe(index);
      expect(batch.checkpoints.length).toBeLessThanOrEqual(FLUSH_COUNT);
      index += batch.checkpoints.length;
    }
    for (let i = 1; i < checkpoints.length; i++) expect(checkpoints[i].step).toBeGreaterThan(checkpoints[i - 1].step);
    expect(checkpoints[0].a).toBeInstanceOf(Float64Array);
    expect(checkpoints[0].a.length).toBe(21);
    expect(checkpoints[0].u.length).toBe(20);
    expect(run.progress.length).toBeGreaterThan(2);
    for (let i = 1; i < run.progress.length; i++) {
      expect(run.progress[i].step).toBeGreaterThanOrEqual(run.progress[i - 1].step);
      expect(run.progress[i].at - run.progress[i - 1].at).toBeGreaterThanOrEqual(45);
    }
    expect(run.progress.some((p) => p.stepsPerSecond > 0)).toBe(true);
  });

  it('drops a queued job on cancel and stops a running one promptly, keeping its checkpoints', async () => {
    const { pool } = makePool(1);
    const first = record();
    const second = record();
    pool.enqueue({ runId: 'long', config: quickConfig(50_000_000, 1000) }, first.listener);
    pool.enqueue({ runId: 'queued', config: quickConfig(1000, 100) }, second.listener);
    expect(pool.running).toBe(1);
    expect(pool.queued).toBe(1);
    expect(pool.cancel('queued')).toBe(true);
    expect(pool.queued).toBe(0);
    await first.firstBatch;
    const askedAt = performance.now();
    expect(pool.cancel('long')).toBe(true);
    const end = await first.ended;
    expect(performance.now() - askedAt).toBeLessThan(1000);
    if (!('outcome' in end)) throw new Error(end.error.message);
    expect(end.outcome.status).toBe('cancelled');
    expect(end.outcome.steps).toBeLessThan(50_000_000);
    expect(first.checkpoints().at(-1)?.step).toBeLessThanOrEqual(end.outcome.steps);
    expect(second.totalSteps).toBeNull();
    expect(pool.cancel('nobody')).toBe(false);
  });

  it('reports a process killed by SIGKILL as failed and goes on with the next job', async () => {
    const { pool, children } = makePool(1);
    const doomed = record();
    const next = record();
    pool.enqueue({ runId: 'doomed', config: quickConfig(50_000_000, 500) }, doomed.listener);
    pool.enqueue({ runId: 'next', config: quickConfig(2000, 500) }, next.listener);
    await doomed.firstBatch;
    process.kill(children[0].pid as number, 'SIGKILL');
    const end = await doomed.ended;
    expect(end).toEqual({ error: { name: 'TrainerExitError', message: 'trainer process killed by SIGKILL' } });
    expect(doomed.checkpoints().length).toBeGreaterThan(0);
    const nextEnd = await next.ended;
    expect('outcome' in nextEnd && nextEnd.outcome.status).toBe('done');
    expect(children).toHaveLength(2);
  });

  it.each([
    ['throw', { name: 'Error', message: 'injected fault: TTLAB_TRAINER_FAULT=throw' }],
    ['exit', { name: 'TrainerExitError', message: 'trainer process exited with code 3 before the run finished' }],
  ])('reports a trainer that faults with %s, keeping the first batch', async (fault, error) => {
    const { pool } = makePool(1, { ...process.env, TTLAB_TRAINER_FAULT: fault });
    const run = record();
    pool.enqueue({ runId: 'faulty', config: quickConfig(5_000_000, 100) }, run.listener);
    expect(await run.ended).toEqual({ error });
    expect(run.batches).toHaveLength(1);
    expect(run.batches[0].firstIndex).toBe(0);
  });

  it('never runs more processes than its size and drains its queue', async () => {
    const { pool, children } = makePool(2);
    const runs = Array.from({ length: 5 }, () => record());
    let most = 0;
    runs.forEach((run, i) => {
      const started = run.listener.started;
      run.listener.started = (total) => {
        most = Math.max(most, pool.running);
        started(total);
      };
      pool.enqueue({ runId: `run-${i}`, config: quickConfig(20_000, 1000, i) }, run.listener);
    });
    expect(pool.running).toBe(2);
    expect(pool.queued).toBe(3);
    const ends = await Promise.all(runs.map((run) => run.ended));
    expect(ends.map((end) => 'outcome' in end && end.outcome.status)).toEqual(Array(5).fill('done'));
    expect(most).toBe(2);
    // Processes that finished cleanly took the next jobs.
    expect(children).toHaveLength(2);
  });

  it('fails the running jobs and refuses new ones once closed', async () => {
    const { pool } = makePool(1);
    const run = record();
    pool.enqueue({ runId: 'open', config: quickConfig(50_000_000, 1000) }, run.listener);
    await run.firstBatch;
    await pool.close();
    expect(await run.ended).toEqual({
      error: { name: 'PoolClosedError', message: 'the trainer pool closed before the run finished' },
    });
    expect(pool.running).toBe(0);
    expect(() => pool.enqueue({ runId: 'late', config: quickConfig(10, 10) }, record().listener)).toThrow(/closed/);
  });
});
