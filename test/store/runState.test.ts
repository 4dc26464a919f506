/** Provenance recorded with every run, saved states of unfinished runs, and what may and may not be resumed. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRunSession } from '#shared/run/session';
import type { SessionSnapshot } from '#shared/run/snapshot';
import type { RunCheckpoint } from '#shared/run/types';
import { openStore, type RunStore } from '../../src-main/store/index';
import { decodeState, encodeState } from '../../src-main/store/stateCodec';
import { hashEngineSources } from '../../src-main/provenance/engineId';
import { checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';
import { firstDifference, resumeCases } from '../run/resumeConfigs';
import { V1_RUNS, writeVersion1Database } from './v1Database';

/** A real snapshot of a small SGD run after `steps` steps, with the checkpoints it recorded. */
function snapshotAfter(steps: number): SessionSnapshot {
  const session = createRunSession(smallConfig(), () => {});
  session.advance(steps);
  return session.snapshot();
}

function runningRun(store: RunStore, stored = 4): string {
  const runId = store.createRun({ config: smallConfig(), name: 'resumable' });
  store.markRunning(runId, 1000);
  store.appendCheckpoints(runId, 0, checkpoints(0, stored, 4));
  return runId;
}

describe('provenance', () => {
  it('is recorded when a run is created: build, commit, engine, runtime, machine and generator', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig({ rng: 'fast' }), name: 'traced' });
    const provenance = store.getRun(runId).provenance!;
    expect(provenance.appVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(provenance.engineBuildId).toBe(hashEngineSources(path.join(import.meta.dirname, '../../src-shared')));
    expect(provenance.node).toBe(process.versions.node);
    expect(provenance.generator).toBe('fast');
    expect(provenance.arch).toBe(process.arch);
    expect(provenance.hostname.length).toBeGreaterThan(0);
    expect(provenance.resumes).toEqual([]);
    // The tests run from a checkout: its commit is recorded, with whether it had uncommitted changes.
    if (existsSync(path.join(import.meta.dirname, '../../.git'))) {
      expect(provenance.gitCommit).toMatch(/^[0-9a-f]{40}$/);
      expect(typeof provenance.gitDirty).toBe('boolean');
    }
    store.close();
  });

  it('the engine build id changes with the engine code and only with it', () => {
    const root = path.join(import.meta.dirname, '../../src-shared');
    const id = hashEngineSources(root);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(hashEngineSources(root)).toBe(id);
    expect(hashEngineSources(tempFolder())).toBeNull();
  });

  it('travels with a run imported from another lab database', async () => {
    const folder = tempFolder();
    const source = openStore(path.join(folder, 'source.sqlite'));
    const runId = runningRun(source);
    source.finishRun(runId, 'done', {});
    const provenance = source.getProvenance(runId);
    source.close();
    const target = openStore(path.join(folder, 'target.sqlite'));
    expect((await target.importFiles([path.join(folder, 'source.sqlite')])).added).toBe(1);
    expect(target.getProvenance(runId)).toEqual(provenance);
    target.close();
  });

  it('is unknown (null) for runs stored before schema 3, which the migration keeps as they were', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    writeVersion1Database(file);
    const store = openStore(file);
    expect(store.getRun(V1_RUNS[0].id).provenance).toBeNull();
    expect(store.getProvenance(V1_RUNS[0].id)).toBeNull();
    store.close();
  });
});

describe('saved states', () => {
  it('round-trip bit for bit through the database codec, -0 and all', () => {
    const snapshot = snapshotAfter(300);
    snapshot.trainer.a[1] = -0;
    const back = decodeState(encodeState(snapshot));
    expect(back).toEqual(snapshot);
    expect(Object.is(back.trainer.a[1], -0)).toBe(true);
    expect(back.trainer).toMatchObject({ kind: 'sgd', rng: expect.any(Uint32Array) });
  });

  it('hold typed arrays as little-endian bytes, whatever the host, as states saved before hold them', () => {
    const snapshot = snapshotAfter(300);
    const a = snapshot.trainer.a;
    const stored = JSON.parse(encodeState(snapshot).toString('utf8')) as { trainer: { a: { base64: string } } };
    const littleEndian = Buffer.alloc(a.length * 8);
    a.forEach((value, i) => littleEndian.writeDoubleLE(value, i * 8));
    expect(stored.trainer.a.base64).toBe(littleEndian.toString('base64'));
  });

  it.each([
    ['dense', resumeCases()[0][1]],
    ['tree', resumeCases()[2][1]],
  ] as const)(
    'saved before engine states were tagged (%s engine), a state still resumes bit for bit',
    (engine, config) => {
      const whole: RunCheckpoint[] = [];
      const reference = createRunSession(config, (checkpoint) => whole.push(checkpoint));
      while (reference.advance(1_000_000));
      const checkpoints: RunCheckpoint[] = [];
      const first = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint));
      first.advance(Math.floor(first.totalSteps / 3));
      const saved = first.snapshot();
      expect(saved.trainer.kind === 'sgd' && saved.trainer.extra?.kind).toBe(engine);
      // the layout stored until then: the same JSON, without the engine state's tag
      const stored = JSON.parse(encodeState(saved).toString('utf8'));
      delete stored.trainer.extra.kind;
      const back = decodeState(Buffer.from(JSON.stringify(stored), 'utf8'));
      expect(back).toEqual(saved);
      const resumed = createRunSession(config, (checkpoint) => checkpoints.push(checkpoint), back);
      while (resumed.advance(1_000_000));
      expect(firstDifference(whole, checkpoints)).toBeNull();
    },
  );

  it('a damaged state is refused, naming the field', () => {
    const bytes = encodeState(snapshotAfter(100));
    const broken = Buffer.from(bytes.toString('utf8').replace('"recorded":', '"recordd":'), 'utf8');
    expect(() => decodeState(broken)).toThrow(/state/);
  });

  it('a resumed run drops the checkpoints stored after its state and goes back to the queue', () => {
    const store = openStore(':memory:');
    const runId = runningRun(store, 3);
    const snapshot = { ...snapshotAfter(200), recorded: 3 };
    store.saveRunState(runId, snapshot, 1234);
    store.appendCheckpoints(runId, 3, checkpoints(3, 2, 4));
    store.finishRun(runId, 'failed', { error: 'trainer process killed by SIGKILL' });
    expect(store.getCheckpoints(runId).count).toBe(5);

    const { resume, durationMs, config } = store.prepareResume(runId);
    expect(resume).toEqual(snapshot);
    expect(durationMs).toBe(1234);
    expect(config).toEqual(store.getRun(runId).config);
    const run = store.getRun(runId);
    expect(run.status).toBe('queued');
    expect(run.error).toBeNull();
    expect(store.getCheckpoints(runId).count).toBe(3);
    expect(store.getProvenance(runId)!.resumes).toHaveLength(1);
    store.close();
  });

  it('without a saved state, a resumed run starts over', () => {
    const store = openStore(':memory:');
    const runId = runningRun(store, 4);
    store.finishRun(runId, 'cancelled', {});
    const { resume } = store.prepareResume(runId);
    expect(resume).toBeNull();
    expect(store.getCheckpoints(runId).count).toBe(0);
    store.close();
  });

  it('a run that ends done drops its state', () => {
    const store = openStore(':memory:');
    const runId = runningRun(store);
    store.saveRunState(runId, { ...snapshotAfter(100), recorded: 4 }, 10);
    store.finishRun(runId, 'done', {});
    const db = (store as unknown as { db: Database.Database }).db;
    expect(db.prepare('SELECT count(*) FROM run_states').pluck().get()).toBe(0);
    store.close();
  });

  it('only a running run saves a state', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'queued' });
    store.saveRunState(runId, snapshotAfter(100), 10);
    store.markRunning(runId, 1000);
    store.finishRun(runId, 'cancelled', {});
    expect(store.prepareResume(runId).resume).toBeNull();
    store.close();
  });
});

describe('resuming what cannot be resumed', () => {
  it('a done, running or queued run, or an unknown one, gets a clear error and nothing changes', () => {
    const store = openStore(':memory:');
    const done = runningRun(store);
    store.saveRunState(done, { ...snapshotAfter(100), recorded: 4 }, 10);
    store.finishRun(done, 'done', {});
    const running = runningRun(store);
    const queued = store.createRun({ config: smallConfig(), name: 'waiting' });
    const before = [done, running, queued].map((runId) => ({
      run: store.getRun(runId),
      checkpoints: store.getCheckpoints(runId),
    }));

    expect(() => store.prepareResume(done)).toThrow(
      `run ${done} is done: it reached its end, there is nothing to resume`,
    );
    expect(() => store.prepareResume(running)).toThrow(
      `run ${running} is running: only a cancelled, failed or interrupted run can be resumed`,
    );
    expect(() => store.prepareResume(queued)).toThrow(
      `run ${queued} is queued: only a cancelled, failed or interrupted run can be resumed`,
    );
    expect(() => store.prepareResume('no-such-run')).toThrow('run no-such-run not found');

    const after = [done, running, queued].map((runId) => ({
      run: store.getRun(runId),
      checkpoints: store.getCheckpoints(runId),
    }));
    expect(after).toEqual(before);
    store.close();
  });
});
