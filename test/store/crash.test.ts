import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/index';
import { tempFolder } from './helpers';
import { startWriter } from './writer';

/** Checkpoints the child commits before it is killed. */
const SAVED_BEFORE_KILL = 300;

describe('a writer killed mid-run', () => {
  it('leaves a sound database whose run is marked interrupted with its checkpoints kept', async () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const writer = startWriter(file);
    const runId = await writer.saved(SAVED_BEFORE_KILL);
    const saved = await writer.kill();

    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();

    const store = openStore(file);
    expect(store.interruptedOnOpen).toBe(1);
    expect(store.integrityCheck()).toBe('ok');
    const run = store.getRun(runId);
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/stopped before this run finished/);
    const series = store.getCheckpoints(runId);
    // Everything reported as saved survived, and batches are all-or-nothing.
    expect(series.count).toBeGreaterThanOrEqual(saved);
    expect(series.count % 10).toBe(0);
    expect(Array.from(series.step)).toEqual(Array.from({ length: series.count }, (_, i) => i * 10));
    expect(run.finalLoss).toBe(series.loss[series.count - 1]);
    expect(run.bestLoss).toBe(Math.min(...series.loss));
    expect(run.steps).toBeGreaterThanOrEqual((series.count - 1) * 10);
    store.close();

    const again = openStore(file);
    expect(again.interruptedOnOpen).toBe(0);
    again.close();
  });
});
