import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseWriteError, openStore, type RunStore } from '../../src-main/store/index';
import { checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';

/** Every run of the store with its checkpoints' bytes, to compare two stores. */
function contents(store: RunStore) {
  return store.listRuns().map((run) => {
    const series = store.getCheckpoints(run.id);
    return {
      run: store.getRun(run.id),
      a: Buffer.from(series.a.buffer).toString('base64'),
      loss: Array.from(series.loss),
    };
  });
}

function filledStore(file: string): RunStore {
  const store = openStore(file);
  const done = store.createRun({ config: smallConfig(), name: 'done' });
  store.appendCheckpoints(done, 0, checkpoints(0, 20, 30));
  store.finishRun(done, 'done', {});
  store.createRun({ config: smallConfig({ seed: 9 }), name: 'queued' });
  return store;
}

describe('backup', () => {
  it('writes a file that opens as a store with the same runs and checkpoints', () => {
    const folder = tempFolder();
    const store = filledStore(path.join(folder, 'runs.sqlite'));
    const target = path.join(folder, 'backups', 'copy.sqlite');
    store.backup(target);
    const copy = openStore(target);
    expect(copy.interruptedOnOpen).toBe(0);
    expect(copy.integrityCheck()).toBe('ok');
    expect(contents(copy)).toEqual(contents(store));
    expect(copy.listRuns()).toHaveLength(2);
    copy.close();
    store.close();
  });

  it('refuses an existing target and leaves it as it was', () => {
    const folder = tempFolder();
    const store = filledStore(path.join(folder, 'runs.sqlite'));
    const target = path.join(folder, 'notes.txt');
    fs.writeFileSync(target, 'keep me');
    expect(() => store.backup(target)).toThrow(DatabaseWriteError);
    expect(() => store.backup(target)).toThrow(`${target} already exists; a backup never overwrites a file`);
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');
    store.close();
  });

  it('backs up from a read-only store and from memory', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'runs.sqlite');
    filledStore(file).close();
    const reader = openStore(file, { readonly: true });
    reader.backup(path.join(folder, 'from-reader.sqlite'));
    const memory = openStore(':memory:');
    memory.createRun({ config: smallConfig(), name: 'in memory' });
    memory.backup(path.join(folder, 'from-memory.sqlite'));
    // The copy opens for writing, so its queued run, whose store has closed, is interrupted there.
    const fromReader = openStore(path.join(folder, 'from-reader.sqlite'));
    expect(fromReader.interruptedOnOpen).toBe(1);
    const withoutStatus = (store: RunStore) => contents(store).map(({ run, a, loss }) => ({ id: run.id, a, loss }));
    expect(withoutStatus(fromReader)).toEqual(withoutStatus(reader));
    const fromMemory = openStore(path.join(folder, 'from-memory.sqlite'));
    expect(fromMemory.listRuns().map((run) => run.name)).toEqual(['in memory']);
    for (const store of [fromMemory, memory, fromReader, reader]) store.close();
  });

  it('leaves no file behind when the backup fails', () => {
    const folder = tempFolder();
    const store = filledStore(path.join(folder, 'runs.sqlite'));
    store.close();
    const target = path.join(folder, 'copy.sqlite');
    expect(() => store.backup(target)).toThrow(/not open/);
    expect(fs.existsSync(target)).toBe(false);
  });
});
