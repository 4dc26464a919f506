import { describe, expect, it } from 'vitest';
import { parseSweepSpec, ValidationError } from '#shared/config/schema';
import { openStore, type RunRecord, type RunStore } from '../../src-main/store/index';
import { checkpoint, smallConfig } from './fixtures';

const bits = (values: Float64Array) => Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length));
const coverage = [{ position: 0.2, nearestNeuron: 1, distanceInEta: 0.1, covered: true }];

/** A finished run of a sweep, with limit losses, tags and notes, exported as a record whose JSON parts went through a file. */
function exportedRecord(): { store: RunStore; record: RunRecord } {
  const store = openStore(':memory:');
  const spec = parseSweepSpec({ name: 'seeds', base: smallConfig(), axes: [], seeds: [3] });
  const sweepId = store.createSweep('seeds', spec);
  const runId = store.createRun({ config: smallConfig({ seed: 3 }), name: 'exported', sweepId, params: { seed: 3 } });
  store.markRunning(runId, 1000);
  store.appendCheckpoints(
    runId,
    0,
    [0.9, 0.4, 0.6].map((loss, i) => ({ ...checkpoint(i, 4, loss), limitLoss: loss / 3 })),
  );
  store.finishRun(runId, 'done', { coverage, limitNote: 'close to the limit', durationMs: 1500 });
  store.updateRun(runId, { tags: ['fig2'], notes: 'kept', starred: true });
  const viaFile = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  const record = {
    run: viaFile({ ...store.getRun(runId), params: { seed: 3 } }),
    sweep: viaFile(store.getSweep(sweepId).sweep),
    checkpoints: store.getCheckpoints(runId),
  };
  return { store, record };
}

describe('importRun', () => {
  it('stores an exported run as it was, once', () => {
    const { store, record } = exportedRecord();
    const target = openStore(':memory:');
    expect(target.importRun(record)).toBe(true);
    const runId = record.run.id;
    expect(target.getRun(runId)).toEqual(store.getRun(runId));
    const [copied, original] = [target, store].map((s) => s.getCheckpoints(runId));
    expect(copied.count).toBe(3);
    for (const key of ['step', 'tau', 'loss', 'limitLoss', 'covered', 'a', 'u'] as const)
      expect(bits(copied[key]!)).toEqual(bits(original[key]!));
    expect(target.getSweep(record.sweep!.id).runs.map((run) => run.id)).toEqual([runId]);

    expect(target.importRun(record)).toBe(false);
    expect(target.stats()).toMatchObject({ runs: 1, checkpoints: 3 });
  });

  it('refuses an invalid record, naming the field, and stores nothing', () => {
    const { record } = exportedRecord();
    const target = openStore(':memory:');
    const badConfig = {
      ...record,
      run: { ...record.run, config: { ...record.run.config, sgd: { ...record.run.config.sgd, h: -1 } } },
    };
    expect(() => target.importRun(badConfig)).toThrow(ValidationError);
    expect(() => target.importRun(badConfig)).toThrow(/^record\.run\.config\.sgd\.h: /);
    const shortA = { ...record, checkpoints: { ...record.checkpoints, a: record.checkpoints.a.subarray(1) } };
    expect(() => target.importRun(shortA)).toThrow(
      'record.checkpoints: a and u need count * aLength and count * uLength entries',
    );
    const badStatus = { ...record, run: { ...record.run, status: 'paused' as never } };
    expect(() => target.importRun(badStatus)).toThrow(/^record\.run\.status: /);
    expect(target.stats()).toMatchObject({ runs: 0, checkpoints: 0 });
    expect(target.listSweeps()).toEqual([]);
  });

  it('stores an unfinished run as interrupted, and drops a sweep it does not know', () => {
    const { record } = exportedRecord();
    const target = openStore(':memory:');
    const running = {
      run: { ...record.run, status: 'running' as const, finishedAt: null, finalLoss: null },
      checkpoints: record.checkpoints,
    };
    expect(target.importRun(running)).toBe(true);
    expect(target.getRun(record.run.id)).toMatchObject({
      status: 'interrupted',
      finalLoss: 0.6,
      bestLoss: 0.4,
      sweepId: null,
    });
    expect(target.getRun(record.run.id).error).toBe('this run was imported before it finished');
  });
});
