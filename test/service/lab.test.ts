import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckpointSeries, LabEvents, RunProgress } from '#shared/api/contract';
import { dispatch } from '#shared/api/dispatch';
import { parseRunConfig } from '#shared/config/schema';
import { createRunSession } from '#shared/run/session';
import type { RunCheckpoint } from '#shared/run/types';
import { DatabaseWriteError } from '../../src-main/store';
import { quickConfig } from '../pool/record';
import { appendSeries } from '../support/series';
import { openHarness, type Harness } from './labHarness';

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.dispose();
  harness = null;
});

function open(poolSize: number): Harness {
  harness = openHarness(poolSize);
  return harness;
}

/** Calls a method through dispatch, as every transport does, and unwraps the result. */
async function call<T>(h: Harness, method: string, params: unknown): Promise<T> {
  const reply = await dispatch(h.lab.handlers, method, params);
  if (!reply.ok) throw new Error(`${reply.error.name}: ${reply.error.message}`);
  return reply.result as T;
}

describe('lab service, end to end with trainer processes', () => {
  it('runs a short configuration to done, saving checkpoints before announcing them', async () => {
    const h = open(2);
    let streamed: CheckpointSeries | null = null;
    const savedWhenAnnounced: boolean[] = [];
    const progress: RunProgress[] = [];
    h.lab.events.on('run:checkpoints', ({ runId, firstIndex, series }) => {
      savedWhenAnnounced.push(h.lab.store.getCheckpoints(runId).count >= firstIndex + series.count);
      expect(firstIndex).toBe(streamed?.count ?? 0);
      streamed = streamed ? appendSeries(streamed, series) : series;
    });
    h.lab.events.on('run:progress', (event) => progress.push(event));
    const { runId } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(600_000, 5000) });
    expect((await h.ended(runId)).status).toBe('done');
    expect(h.statuses.filter((event) => event.runId === runId).map((event) => event.status)).toEqual([
      'queued',
      'running',
      'done',
    ]);

    const stored = h.lab.store.getCheckpoints(runId);
    expect(stored.count).toBe(121);
    expect(savedWhenAnnounced.every(Boolean)).toBe(true);
    const received = streamed as CheckpointSeries | null;
    expect(received?.count).toBe(stored.count);
    expect(received?.step).toEqual(stored.step);
    expect(received?.u).toEqual(stored.u);

    // The trainer process replays the run bit for bit: the same session in this process gives the same numbers.
    const replay: RunCheckpoint[] = [];
    const session = createRunSession(quickConfig(600_000, 5000), (checkpoint) => replay.push(checkpoint));
    while (session.advance(1e6));
    const outcome = session.outcome();
    expect(Array.from(stored.loss)).toEqual(replay.map((checkpoint) => checkpoint.loss));
    expect(Array.from(stored.limitLoss ?? [])).toEqual(replay.map((checkpoint) => checkpoint.limitLoss));
    expect(stored.a.subarray(-21)).toEqual(replay[replay.length - 1].a);

    const run = h.lab.store.getRun(runId);
    expect(run.name).toMatch(/^sgd .*seed=42$/);
    expect(run).toMatchObject({ steps: 600_000, totalSteps: 600_000, totalJumps: 5, error: null, limitNote: null });
    expect(run.finalLoss).toBe(outcome.finalLoss);
    expect(run.bestLoss).toBe(Math.min(...stored.loss));
    expect(run.limitFinalLoss).toBe(outcome.limitFinalLoss);
    expect(run.coverage).toEqual(outcome.coverage);
    expect(run.coveredJumps).toBe(outcome.coverage.filter((entry) => entry.covered).length);
    expect(run.durationMs).toBeGreaterThan(0);

    expect(progress.length).toBeGreaterThan(0);
    for (const event of progress) {
      expect(event).toMatchObject({ runId, status: 'running', totalSteps: 600_000 });
      expect(event.step).toBeLessThanOrEqual(600_000);
      if (event.stepsPerSecond > 0)
        expect(event.etaSeconds).toBeCloseTo((600_000 - event.step) / event.stepsPerSecond, 6);
    }
  });

  it('records a limit run whose init leaves the limit undefined as failed, with the reason', async () => {
    const h = open(1);
    const config = parseRunConfig({
      trainer: 'limit',
      network: { m: 3, positions: { kind: 'list', u: [0.1, 0.5, 0.9] } },
    });
    const { runId } = await call<{ runId: string }>(h, 'startRun', { config, name: 'bad init' });
    const end = await h.ended(runId);
    expect(end.status).toBe('failed');
    expect(end.error).toMatch(/^the two-timescale limit is undefined for this init/);
    expect(h.lab.store.getRun(runId)).toMatchObject({ name: 'bad init', status: 'failed', error: end.error });
  });

  it('runs a sweep of four runs named by their labels', async () => {
    const h = open(2);
    const sweep = {
      name: 'four',
      base: quickConfig(4000, 1000),
      axes: [{ path: 'sgd.epsilon', values: [2e-5, 1e-4] }],
      seeds: [1, 2],
    };
    const { sweepId, runIds } = await call<{ sweepId: string; runIds: string[] }>(h, 'startSweep', { sweep });
    expect(runIds).toHaveLength(4);
    const ends = await Promise.all(runIds.map((runId) => h.ended(runId)));
    expect(ends.map((end) => end.status)).toEqual(['done', 'done', 'done', 'done']);
    const { sweep: summary, runs } = await call<{
      sweep: { runCount: number; doneCount: number };
      runs: Array<{ name: string; epsilon: number; seed: number }>;
    }>(h, 'getSweep', { sweepId });
    expect(summary).toMatchObject({ runCount: 4, doneCount: 4 });
    expect(runs.map((run) => run.name)).toEqual([
      'sgd.epsilon=0.00002, seed=1',
      'sgd.epsilon=0.00002, seed=2',
      'sgd.epsilon=0.0001, seed=1',
      'sgd.epsilon=0.0001, seed=2',
    ]);
    expect(runs.map((run) => [run.epsilon, run.seed])).toEqual([
      [2e-5, 1],
      [2e-5, 2],
      [1e-4, 1],
      [1e-4, 2],
    ]);
  });

  it('cancels a queued run at once and a running one promptly, keeping its checkpoints; refuses to delete a live run', async () => {
    const h = open(1);
    const { runId: long } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(50_000_000, 2000) });
    const { runId: waiting } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(1000, 100) });
    expect(await call(h, 'cancelRun', { runId: waiting })).toEqual({ cancelled: true });
    expect(h.lab.store.getRun(waiting).status).toBe('cancelled');
    await h.reached(long, 'running');
    const refused = await dispatch(h.lab.handlers, 'deleteRuns', { runIds: [long] });
    expect(refused).toEqual({
      ok: false,
      error: { name: 'RunActiveError', message: `run ${long} is running: cancel it before deleting it` },
    });
    await new Promise<void>((resolve) => h.lab.events.on('run:checkpoints', () => resolve()));
    expect(await call(h, 'cancelRun', { runId: long })).toEqual({ cancelled: true });
    expect(await h.ended(long)).toEqual({ runId: long, status: 'cancelled', error: null });
    const run = h.lab.store.getRun(long);
    expect(run.steps).toBeLessThan(50_000_000);
    expect(h.lab.store.getCheckpoints(long).count).toBeGreaterThan(0);
    expect(await call(h, 'cancelRun', { runId: long })).toEqual({ cancelled: false });
    expect(await dispatch(h.lab.handlers, 'cancelRun', { runId: 'no-such-run' })).toEqual({
      ok: false,
      error: { name: 'NotFoundError', message: 'run no-such-run not found' },
    });
    expect(await call(h, 'deleteRuns', { runIds: [long, waiting] })).toEqual({ deleted: 2 });
    expect(h.children).toHaveLength(1);
  });

  it('records a trainer killed by SIGKILL as failed with its checkpoints, then runs the next one', async () => {
    const h = open(1);
    const { runId: doomed } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(50_000_000, 1000) });
    const { runId: next } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(2000, 500) });
    await new Promise<void>((resolve) => h.lab.events.on('run:checkpoints', () => resolve()));
    process.kill(h.children[0].pid as number, 'SIGKILL');
    expect(await h.ended(doomed)).toEqual({
      runId: doomed,
      status: 'failed',
      error: 'trainer process killed by SIGKILL',
    });
    const run = h.lab.store.getRun(doomed);
    const kept = h.lab.store.getCheckpoints(doomed);
    expect(kept.count).toBeGreaterThan(0);
    expect(run).toMatchObject({
      status: 'failed',
      error: 'trainer process killed by SIGKILL',
      finalLoss: kept.loss[kept.count - 1],
    });
    expect((await h.ended(next)).status).toBe('done');
  });

  it('stops a run cleanly when its checkpoints cannot be saved, and keeps serving', async () => {
    const h = open(1);
    const full = new DatabaseWriteError(
      'could not save checkpoints in lab.db: the disk is full; data saved before is intact',
    );
    const append = vi.spyOn(h.lab.store, 'appendCheckpoints').mockImplementationOnce(() => {
      throw full;
    });
    const finish = vi.spyOn(h.lab.store, 'finishRun').mockImplementationOnce(() => {
      throw new DatabaseWriteError(
        "could not save the run's result in lab.db: the disk is full; data saved before is intact",
      );
    });
    const { runId } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(50_000_000, 1000) });
    const end = await h.ended(runId);
    expect(end.status).toBe('failed');
    expect(end.error).toBe(
      `${full.message}; could not save the run's result in lab.db: the disk is full; data saved before is intact`,
    );
    append.mockRestore();
    finish.mockRestore();
    const { runId: next } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(2000, 500) });
    expect((await h.ended(next)).status).toBe('done');
    expect(h.lab.store.getCheckpoints(next).count).toBe(5);
  });

  it('marks live runs interrupted when it closes', async () => {
    const h = open(1);
    const { runId: running } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(50_000_000, 1000) });
    const { runId: queued } = await call<{ runId: string }>(h, 'startRun', { config: quickConfig(1000, 100) });
    await h.reached(running, 'running');
    const store = h.lab.store;
    const statuses: Array<LabEvents['run:status']> = [];
    h.lab.events.on('run:status', (event) => statuses.push(event));
    const closeStore = vi.spyOn(store, 'close');
    await h.lab.close();
    expect(closeStore).toHaveBeenCalledOnce();
    expect(statuses.map((event) => [event.runId, event.status])).toEqual([
      [running, 'interrupted'],
      [queued, 'interrupted'],
    ]);
  });
});
