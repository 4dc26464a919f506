import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '#shared/config/schema';
import { schemaVersion } from '../../src-main/store/migrate';
import { SCHEMA_VERSION } from '../../src-main/store/migrations/index';
import {
  DatabaseOpenError,
  DatabaseTooNewError,
  openStore,
  StoredDataError,
  type RunStore,
} from '../../src-main/store/index';
import { checkpoint, checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';
import { V1_RUNS, writeVersion1Database } from './v1Database';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const bits = (values: Float64Array) => Array.from(new BigUint64Array(values.buffer, values.byteOffset, values.length));
const spec = parseSweepSpec({ name: 'seeds', base: smallConfig(), axes: [], seeds: [1, 2] });

/** What must not change when an import fails: the runs, their checkpoints and the database size. */
const snapshot = (store: RunStore) => ({ runs: store.listRuns(), stats: store.stats() });

/** A checkpoint whose a and u hold -0, a subnormal and a NaN with a payload, which only a byte copy keeps. */
function trickyCheckpoint(i: number) {
  const c = checkpoint(i, 4);
  c.a[0] = -0;
  c.a[1] = 5e-324;
  new DataView(c.u.buffer).setBigUint64(0, 0x7ff8_0000_dead_beefn, true);
  return c;
}

/**
 * `target` with runs 'shared' and 'target only'; `source` started as a backup of target (so 'shared' has the same id
 * there, renamed), then got a sweep of two runs with tricky checkpoints and a run left running.
 */
function twoDatabases() {
  const folder = tempFolder();
  const sourceFile = path.join(folder, 'source.sqlite');
  const target = openStore(path.join(folder, 'target.sqlite'));
  const shared = target.createRun({ config: smallConfig(), name: 'shared' });
  target.appendCheckpoints(shared, 0, checkpoints(0, 5, 4));
  target.finishRun(shared, 'done', {});
  target.backup(sourceFile);
  target.createRun({ config: smallConfig(), name: 'target only' });

  const source = openStore(sourceFile);
  source.updateRun(shared, { name: 'renamed in the source' });
  const sweepId = source.createSweep('seeds', spec);
  const swept = [1, 2].map((seed) =>
    source.createRun({ config: smallConfig({ seed }), name: `seed ${seed}`, sweepId, params: { seed } }),
  );
  for (const runId of swept) {
    source.appendCheckpoints(runId, 0, [0, 1, 2].map(trickyCheckpoint));
    source.finishRun(runId, 'done', {});
  }
  const running = source.createRun({ config: smallConfig(), name: 'running' });
  source.markRunning(running, 1000);
  source.appendCheckpoints(running, 0, checkpoints(0, 2, 4));
  source.close();
  return { folder, target, sourceFile, shared, sweepId, swept, running };
}

/** What an import adds the first time, with the files of twoDatabases: two runs of a sweep and the running one. */
const FIRST = { added: 3, replaced: 0, present: 1, refused: 0, sweeps: 1, refusals: [] };

describe('importing another lab database', () => {
  it('adds the runs and sweeps it lacks, with checkpoints bit for bit, and never writes to the source', async () => {
    const { folder, target, sourceFile, shared, sweepId, swept, running } = twoDatabases();
    const sourceBytes = sha(sourceFile);
    // The lab's import: checked on one worker thread, copied on another.
    expect(await target.importFiles([sourceFile])).toEqual(FIRST);
    expect(sha(sourceFile)).toBe(sourceBytes);
    // At most the -wal and -shm files every reader of a WAL database may leave appear beside it.
    expect(fs.readdirSync(folder).every((name) => /^(source|target)\.sqlite(-wal|-shm)?$/.test(name))).toBe(true);

    expect(target.listRuns()).toHaveLength(5);
    expect(target.getRun(shared).name).toBe('shared');
    expect(target.getSweep(sweepId).runs.map((run) => run.id)).toEqual(swept);
    const source = openStore(sourceFile, { readonly: true });
    for (const runId of swept) {
      const [copied, original] = [target, source].map((store) => store.getCheckpoints(runId));
      expect(bits(copied.a)).toEqual(bits(original.a));
      expect(bits(copied.u)).toEqual(bits(original.u));
      expect(target.getRun(runId)).toEqual(source.getRun(runId));
    }
    expect(source.getRun(running).status).toBe('running');
    expect(target.getRun(running)).toMatchObject({
      status: 'interrupted',
      error: 'this run was imported before it finished',
      finalLoss: 0.5,
    });
    source.close();

    expect(await target.importFiles([sourceFile])).toMatchObject({ added: 0, present: 4, sweeps: 0 });
    expect(target.mergeFrom([sourceFile])).toMatchObject({ added: 0, present: 4, sweeps: 0 });
    expect(target.listRuns()).toHaveLength(5);
    expect(target.integrityCheck()).toBe('ok');
    target.close();
  });

  it('merges on the calling thread as ttlab merge does, with the same result', () => {
    const { target, sourceFile, running } = twoDatabases();
    expect(target.mergeFrom([sourceFile])).toEqual(FIRST);
    expect(target.listRuns()).toHaveLength(5);
    expect(target.getRun(running).status).toBe('interrupted');
    target.close();
  });

  it('imports from a schema-1 database and leaves it at schema 1', async () => {
    const file = path.join(tempFolder(), 'old.sqlite');
    writeVersion1Database(file);
    const before = sha(file);
    const target = openStore(':memory:');
    expect(await target.importFiles([file])).toMatchObject({ added: 3, sweeps: 0 });
    const statuses = Object.fromEntries(target.listRuns().map((run) => [run.id, run.status]));
    expect(statuses).toEqual({ 'v1-done': 'done', 'v1-running': 'interrupted', 'v1-queued': 'interrupted' });
    expect(target.getCheckpoints(V1_RUNS[0].id).count).toBe(5);
    expect(sha(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(1);
    db.close();
  });

  it('refuses what openStore refuses, with the same errors, changing neither file', async () => {
    const { folder, target, sourceFile } = twoDatabases();
    const before = snapshot(target);
    const write = (name: string, bytes: string | Buffer) => {
      const file = path.join(folder, name);
      fs.writeFileSync(file, bytes);
      return file;
    };
    const foreign = path.join(folder, 'contacts.sqlite');
    const other = new Database(foreign);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const newer = path.join(folder, 'newer.sqlite');
    fs.copyFileSync(sourceFile, newer);
    const raise = new Database(newer);
    raise.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raise.close();

    const refusals: Array<[string, RegExp, new (...args: never[]) => Error]> = [
      [write('notes.txt', 'name,loss\n'.repeat(50)), /is not a Two-Timescale Lab database/, DatabaseOpenError],
      [write('empty.sqlite', ''), /is empty/, DatabaseOpenError],
      [path.join(folder, 'missing.sqlite'), /does not exist/, DatabaseOpenError],
      [foreign, /another program/, DatabaseOpenError],
      [newer, /written by a newer version of Two-Timescale Lab/, DatabaseTooNewError],
    ];
    for (const [file, message, kind] of refusals) {
      const bytes = fs.existsSync(file) ? sha(file) : null;
      expect(() => target.mergeFrom([file])).toThrow(kind);
      expect(() => target.mergeFrom([file])).toThrow(message);
      // The lab's import refuses it on its scan thread, the error's name kept.
      await expect(target.importFiles([file])).rejects.toMatchObject({
        name: kind.name,
        message: expect.stringMatching(message),
      });
      expect(fs.existsSync(file) ? sha(file) : null).toBe(bytes);
    }
    expect(snapshot(target)).toEqual(before);
    target.close();
  });

  it('adds nothing when one run of the source is invalid', async () => {
    const { target, sourceFile, swept } = twoDatabases();
    const before = snapshot(target);
    const edit = new Database(sourceFile);
    edit.prepare("UPDATE runs SET config = json_set(config, '$.sgd.h', -1) WHERE id = ?").run(swept[1]);
    edit.close();
    const message = `run ${swept[1]} ("seed 2") of ${sourceFile}: the stored config is invalid: config.sgd.h`;
    expect(() => target.mergeFrom([sourceFile])).toThrow(StoredDataError);
    expect(() => target.mergeFrom([sourceFile])).toThrow(message);
    await expect(target.importFiles([sourceFile])).rejects.toMatchObject({
      name: 'StoredDataError',
      message: expect.stringContaining(message),
    });
    expect(snapshot(target)).toEqual(before);
    target.close();
  });
});
