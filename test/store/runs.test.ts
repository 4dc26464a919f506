import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/base/errors';
import { parseSweepSpec, ValidationError } from '#shared/config/schema';
import { openDatabase } from '../../src-main/store/connection';
import { openStore, RunStore, StoredDataError } from '../../src-main/store/index';
import { checkpoint, checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';

const coverage = [
  { position: 0.2, nearestNeuron: 1, distanceInEta: 0.1, covered: true },
  { position: 0.35, nearestNeuron: 2, distanceInEta: 3, covered: false },
];

describe('run lifecycle', () => {
  it('creates a queued run with its configuration copied into the summary columns', () => {
    const store = openStore(':memory:');
    const config = smallConfig({ seed: 7, sgd: { h: 2e-5, epsilon: 0.5 } });
    const runId = store.createRun({ config, name: 'first', params: { 'sgd.epsilon': 0.5 } });
    const run = store.getRun(runId);
    expect(run).toMatchObject({
      id: runId,
      name: 'first',
      status: 'queued',
      trainer: 'sgd',
      m: 4,
      eta: config.network.eta,
      h: 2e-5,
      epsilon: 0.5,
      seed: 7,
    });
    expect(run).toMatchObject({
      steps: 0,
      totalSteps: 1000,
      totalJumps: 5,
      finalLoss: null,
      tags: [],
      starred: false,
      notes: '',
      sweepId: null,
    });
    expect(run.config).toEqual(config);
    expect(store.listRuns()).toEqual([expect.objectContaining({ id: runId, status: 'queued' })]);
  });

  it('rejects an invalid configuration before writing', () => {
    const store = openStore(':memory:');
    const config = { ...smallConfig(), sgd: { ...smallConfig().sgd, h: -1 } };
    expect(() => store.createRun({ config, name: 'bad' })).toThrow(ValidationError);
    expect(() => store.createRun({ config, name: 'bad' })).toThrow('config.sgd.h');
    expect(store.listRuns()).toEqual([]);
  });

  it('records running, progress and the outcome of the trainer', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'r' });
    store.markRunning(runId, 5000);
    store.appendCheckpoints(runId, 0, checkpoints(0, 3, 4));
    store.updateProgress(runId, 25);
    expect(store.getRun(runId)).toMatchObject({ status: 'running', steps: 25, totalSteps: 5000 });
    store.finishRun(runId, 'done', {
      steps: 30,
      finalLoss: 0.5,
      bestLoss: 0.25,
      limitFinalLoss: 0.4,
      limitNote: null,
      coverage,
      error: null,
      durationMs: 1234,
    });
    const run = store.getRun(runId);
    expect(run).toMatchObject({
      status: 'done',
      steps: 30,
      finalLoss: 0.5,
      bestLoss: 0.25,
      limitFinalLoss: 0.4,
      coveredJumps: 1,
      durationMs: 1234,
    });
    expect(run.coverage).toEqual(coverage);
    expect(Date.parse(run.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(run.createdAt));
    expect(store.getCheckpoints(runId).count).toBe(3);
  });

  it('computes the summary of a run that ended without an outcome from its checkpoints', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'crashed' });
    store.markRunning(runId, 1000);
    const losses = [0.9, 0.3, 0.5, 0.7];
    store.appendCheckpoints(
      runId,
      0,
      losses.map((loss, i) => ({ ...checkpoint(i, 4, loss), limitLoss: loss / 2 })),
    );
    store.finishRun(runId, 'failed', { error: 'trainer process exited with code 1' });
    const run = store.getRun(runId);
    expect(run).toMatchObject({
      status: 'failed',
      finalLoss: 0.7,
      bestLoss: 0.3,
      limitFinalLoss: 0.35,
      steps: 30,
      coveredJumps: 3,
    });
    expect(run.error).toBe('trainer process exited with code 1');
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    expect(store.getCheckpoints(runId).count).toBe(4);
  });

  it('leaves the summary empty when a run failed before its first checkpoint', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'early' });
    store.finishRun(runId, 'failed', { error: 'could not start' });
    expect(store.getRun(runId)).toMatchObject({
      status: 'failed',
      finalLoss: null,
      bestLoss: null,
      coveredJumps: null,
      durationMs: null,
      steps: 0,
    });
  });

  it('throws NotFoundError for unknown runs and sweeps', () => {
    const store = openStore(':memory:');
    expect(() => store.getRun('nope')).toThrow(NotFoundError);
    expect(() => store.getCheckpoints('nope')).toThrow(NotFoundError);
    expect(() => store.markRunning('nope', 1)).toThrow(NotFoundError);
    expect(() => store.appendCheckpoints('nope', 0, [checkpoint(0, 2)])).toThrow(NotFoundError);
    expect(() => store.finishRun('nope', 'done', {})).toThrow(NotFoundError);
    expect(() => store.updateRun('nope', { name: 'x' })).toThrow(NotFoundError);
    expect(() => store.getSweep('nope')).toThrow(NotFoundError);
    expect(() => store.createRun({ config: smallConfig(), name: 'x', sweepId: 'nope' })).toThrow(NotFoundError);
  });

  it('names the run and the field when a stored configuration is no longer valid', () => {
    const db = openDatabase(':memory:');
    const store = new RunStore(db, ':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'edited' });
    db.prepare("UPDATE runs SET config = json_set(config, '$.sgd.h', -1) WHERE id = ?").run(runId);
    expect(() => store.getRun(runId)).toThrow(StoredDataError);
    expect(() => store.getRun(runId)).toThrow(
      `run ${runId} ("edited"): the stored config is invalid: config.sgd.h: must be greater than 0`,
    );
    expect(store.listRuns()).toHaveLength(1);
  });
});

describe('editing and deleting', () => {
  it('updates only the given fields', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'before' });
    expect(store.updateRun(runId, { tags: ['paper', 'fig2', 'paper'], starred: true })).toMatchObject({
      name: 'before',
      tags: ['paper', 'fig2'],
      starred: true,
    });
    expect(store.updateRun(runId, { name: 'after', notes: 'two timescales' })).toMatchObject({
      name: 'after',
      tags: ['paper', 'fig2'],
      starred: true,
    });
    expect(store.getRun(runId).notes).toBe('two timescales');
    expect(store.updateRun(runId, { starred: false, tags: [] })).toMatchObject({ starred: false, tags: [] });
  });

  it('deletes runs with their checkpoints and sets the sweep of nothing', () => {
    const db = openDatabase(':memory:');
    const store = new RunStore(db, ':memory:');
    const kept = store.createRun({ config: smallConfig(), name: 'kept' });
    const gone = store.createRun({ config: smallConfig(), name: 'gone' });
    store.appendCheckpoints(kept, 0, checkpoints(0, 5, 3));
    store.appendCheckpoints(gone, 0, checkpoints(0, 7, 3));
    expect(store.deleteRuns([gone, 'unknown'])).toBe(1);
    expect(store.listRuns().map((run) => run.id)).toEqual([kept]);
    expect(() => store.getCheckpoints(gone)).toThrow(NotFoundError);
    const remaining = db.prepare('SELECT run_id, count(*) AS n FROM checkpoints GROUP BY run_id').all();
    expect(remaining).toEqual([{ run_id: kept, n: 5 }]);
  });
});

describe('sweeps', () => {
  const spec = parseSweepSpec({
    name: 'epsilon',
    base: smallConfig(),
    axes: [{ path: 'sgd.epsilon', values: [0.1, 1] }],
    seeds: [1],
  });

  it('groups runs and counts those done', () => {
    const store = openStore(':memory:');
    const sweepId = store.createSweep('epsilon sweep', spec);
    const runIds = [0.1, 1].map((epsilon) =>
      store.createRun({
        config: smallConfig({ sgd: { epsilon } }),
        name: `eps=${epsilon}`,
        sweepId,
        params: { 'sgd.epsilon': epsilon },
      }),
    );
    store.createRun({ config: smallConfig(), name: 'alone' });
    store.finishRun(runIds[0], 'done', {});
    const { sweep, runs } = store.getSweep(sweepId);
    expect(sweep).toMatchObject({ id: sweepId, name: 'epsilon sweep', runCount: 2, doneCount: 1 });
    expect(sweep.spec).toEqual(spec);
    expect(runs.map((run) => run.id)).toEqual(runIds);
    expect(runs.map((run) => run.sweepId)).toEqual([sweepId, sweepId]);
    expect(store.listSweeps()).toEqual([sweep]);
  });

  it('keeps runs when their sweep row goes away', () => {
    const db = openDatabase(':memory:');
    const store = new RunStore(db, ':memory:');
    const sweepId = store.createSweep('s', spec);
    const runId = store.createRun({ config: smallConfig(), name: 'member', sweepId });
    db.prepare('DELETE FROM sweeps WHERE id = ?').run(sweepId);
    expect(store.getRun(runId).sweepId).toBeNull();
  });
});

describe('listing', () => {
  it('lists 10,000 runs, newest first', () => {
    const store = openStore(path.join(tempFolder(), 'runs.sqlite'));
    const config = smallConfig();
    const ids = Array.from({ length: 10_000 }, (_, i) => store.createRun({ config, name: `run ${i}` }));
    const started = performance.now();
    const runs = store.listRuns();
    const elapsed = performance.now() - started;
    expect(runs).toHaveLength(10_000);
    expect(runs[0].id).toBe(ids[9_999]);
    expect(runs[9_999].name).toBe('run 0');
    expect(new Set(runs.map((run) => run.id)).size).toBe(10_000);
    console.log(`listRuns of 10,000 runs: ${elapsed.toFixed(0)} ms`);
    store.close();
  });
});
