import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointAt } from '../../src-shared/run/series';
import { openStore } from '../../src-main/store/index';
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
    console.log(`1,000 checkpoints x 1,000 neurons: write ${(written - started).toFixed(0)} ms, read ${(read - written).toFixed(0)} ms`);
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
    store.appendCheckpoints(runId, 0, [0.5, 0.25].map((limitLoss, i) => ({ ...checkpoint(i, 2), limitLoss })));
    expect(store.getCheckpoints(runId).limitLoss).toEqual(new Float64Array([0.5, 0.25]));
  });
});
