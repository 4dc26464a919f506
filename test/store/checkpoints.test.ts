import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointAt } from '#shared/run/series';
import { openDatabase } from '../../src-main/store/connection';
import { openStore, RunStore, StoredDataError } from '../../src-main/store/index';
import { checkpoint, checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';

describe('checkpoints', () => {
  it('stores 1,000 checkpoints of 1,000 neurons in batches and reads them back column by column', () => {
    const m = 1000;
    const file = path.join(tempFolder(), 'runs.sqlite');
    const store = openStore(file);
    const runId = store.createRun({ config: smallConfig({ network: { m } }), name: 'big' });
    const started = performance.now();
    for (let first = 0; first < 1000; first += 50) store.appendCheckpoints(runId, first, checkpoints(first, 50, m));
    const written = performance.now();
    const series = store.getCheckpoints(runId);
    const read = performance.now();
    console.log(
      `1,000 checkpoints x 1,000 neurons: write ${(written - started).toFixed(0)} ms, read ${(read - written).toFixed(0)} ms`,
    );
    expect(series).toMatchObject({ runId, count: 1000, aLength: m + 1, uLength: m, limitLoss: null });
    for (const i of [0, 1, 499, 999]) expect(checkpointAt(series, i)).toEqual(checkpoint(i, m));
    expect(store.getRun(runId).steps).toBe(9990);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });

  it('keeps what is stored when a batch is sent again', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'retry' });
    store.appendCheckpoints(runId, 0, checkpoints(0, 4, 3));
    store.appendCheckpoints(runId, 2, checkpoints(2, 4, 3));
    const series = store.getCheckpoints(runId);
    expect(series.count).toBe(6);
    expect(Array.from(series.step)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('returns an empty series for a run without checkpoints', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'empty' });
    expect(store.getCheckpoints(runId)).toMatchObject({ count: 0, aLength: 0, uLength: 0, limitLoss: null });
  });

  it('returns the limit loss column when checkpoints carry it', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig(), name: 'limit' });
    store.appendCheckpoints(
      runId,
      0,
      [0.5, 0.25].map((limitLoss, i) => ({ ...checkpoint(i, 2), limitLoss })),
    );
    expect(store.getCheckpoints(runId).limitLoss).toEqual(new Float64Array([0.5, 0.25]));
  });
});

describe('thinned and partial reads', () => {
  const m = 3;
  function storedRun(count: number) {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig({ network: { m } }), name: 'long' });
    store.appendCheckpoints(runId, 0, checkpoints(0, count, m));
    return { store, runId, full: store.getCheckpoints(runId) };
  }

  it('keeps at most maxCheckpoints, the first and the last among them, with their indices in the full series', () => {
    const { store, runId, full } = storedRun(101);
    const thin = store.getCheckpoints(runId, { maxCheckpoints: 5 });
    expect(thin.count).toBe(5);
    expect(Array.from(thin.indices!)).toEqual([0, 25, 50, 75, 100]);
    expect(full.indices).toBeUndefined();
    thin.indices!.forEach((index, i) => expect(checkpointAt(thin, i)).toEqual(checkpointAt(full, index)));
  });

  it('returns every checkpoint, without indices, when the run has no more than maxCheckpoints', () => {
    const { store, runId, full } = storedRun(10);
    const all = store.getCheckpoints(runId, { maxCheckpoints: 10 });
    expect(all.indices).toBeUndefined();
    expect(all).toEqual(full);
  });

  it('spaces the choice over the stored order when indices have a gap', () => {
    const store = openStore(':memory:');
    const runId = store.createRun({ config: smallConfig({ network: { m } }), name: 'gap' });
    store.appendCheckpoints(runId, 0, checkpoints(0, 3, m));
    store.appendCheckpoints(runId, 10, checkpoints(10, 4, m));
    const thin = store.getCheckpoints(runId, { maxCheckpoints: 3 });
    expect(Array.from(thin.indices!)).toEqual([0, 3, 6]);
    expect(Array.from(thin.step)).toEqual([0, 100, 130]);
  });

  it('sends only the per-neuron columns asked for, scalar columns always', () => {
    const { store, runId, full } = storedRun(20);
    const onlyU = store.getCheckpoints(runId, { fields: ['u'] });
    expect(onlyU).toMatchObject({ count: 20, aLength: 0, uLength: m, a: new Float64Array(0) });
    expect(onlyU.u).toEqual(full.u);
    for (const column of ['step', 'tau', 'loss', 'covered'] as const) expect(onlyU[column]).toEqual(full[column]);
    const onlyA = store.getCheckpoints(runId, { fields: ['a'], maxCheckpoints: 2 });
    expect(onlyA).toMatchObject({ count: 2, aLength: m + 1, uLength: 0, u: new Float64Array(0) });
    expect(onlyA.a).toEqual(Float64Array.from([...checkpointAt(full, 0).a, ...checkpointAt(full, 19).a]));
    const scalars = store.getCheckpoints(runId, { fields: [] });
    expect(scalars).toMatchObject({ aLength: 0, uLength: 0, a: new Float64Array(0), u: new Float64Array(0) });
    expect(scalars.loss).toEqual(full.loss);
  });

  it('names the run and the column when stored blobs differ in length, thinned or not', () => {
    const db = openDatabase(':memory:');
    const store = new RunStore(db, ':memory:');
    const runId = store.createRun({ config: smallConfig({ network: { m } }), name: 'damaged' });
    store.appendCheckpoints(runId, 0, checkpoints(0, 10, m));
    db.prepare('UPDATE checkpoints SET u = zeroblob(8) WHERE run_id = ? AND idx = 9').run(runId);
    const message = `run ${runId}: its stored checkpoints hold u blobs of unequal or invalid lengths`;
    expect(() => store.getCheckpoints(runId)).toThrow(StoredDataError);
    expect(() => store.getCheckpoints(runId, { maxCheckpoints: 2 })).toThrow(message);
    expect(store.getCheckpoints(runId, { fields: ['a'] }).count).toBe(10);
  });
});
