/** Merging shard databases: idempotent by run id, unfinished copies replaced, refusals that write nothing. */
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { pointRunId } from '#shared/cluster/shards';
import { databaseFiles, mergeInto } from '../../src-main/cluster/mergeFiles';
import { openStore } from '../../src-main/store';
import { folderContents } from '../store/helpers';
import { shardDatabase, testFolder } from './helpers';

const root = testFolder('ttlab-merge-');
let case_ = 0;
/** A fresh folder with a lab database `lab.sqlite` holding `labPoints` of `sweepId`, and a shards folder. */
function setup(sweepId: string, labPoints: number[] = []) {
  const folder = join(root, `case-${case_++}`);
  mkdirSync(folder, { recursive: true });
  mkdirSync(`${folder}-shards`);
  const lab = join(folder, 'lab.sqlite');
  if (labPoints.length > 0) shardDatabase(lab, sweepId, labPoints);
  // The lab's own database is in WAL mode.
  openStore(lab).close();
  return { folder, lab, shards: `${folder}-shards` };
}

const checkpointBytes = (file: string) =>
  new Database(file, { readonly: true })
    .prepare('SELECT run_id, idx, loss, a, u FROM checkpoints ORDER BY run_id, idx')
    .all();

/**
 * Merges two good shards a and b, b changed by `damage` (SQL) first: expects the merge to refuse it with `message`
 * and to leave the lab's database as it was, byte for byte, a's runs included.
 */
function expectRefusedWhole(damage: string, message: RegExp) {
  const sweepId = randomUUID();
  const { folder, lab, shards } = setup(sweepId);
  shardDatabase(join(shards, 'a.sqlite'), sweepId, [0]);
  shardDatabase(join(shards, 'b.sqlite'), sweepId, [1]);
  const db = new Database(join(shards, 'b.sqlite'));
  db.prepare(damage).run();
  db.close();
  copyFileSync(lab, join(folder, 'lab-before.sqlite'));
  expect(() => mergeInto(lab, databaseFiles([shards]))).toThrow(message);
  expect(readFileSync(lab)).toEqual(readFileSync(join(folder, 'lab-before.sqlite')));
}

describe('ttlab merge', () => {
  it('recreates the sweep once with every point, checkpoints bit for bit, and adds nothing the second time', () => {
    const sweepId = randomUUID();
    const { lab, shards } = setup(sweepId);
    shardDatabase(join(shards, 'shard-0-of-2.sqlite'), sweepId, [0, 2, 4]);
    shardDatabase(join(shards, 'shard-1-of-2.sqlite'), sweepId, [1, 3, 5]);
    const files = databaseFiles([shards]);
    expect(files.map((file) => file.split('/').at(-1))).toEqual(['shard-0-of-2.sqlite', 'shard-1-of-2.sqlite']);

    expect(mergeInto(lab, files)).toMatchObject({ added: 6, replaced: 0, present: 0, refused: 0, sweeps: 1 });
    const store = openStore(lab);
    const { runs } = store.getSweep(sweepId);
    expect(runs.map((run) => run.id).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => pointRunId(sweepId, i)).sort());
    // Every column travels, the provenance (the build and machine that computed the run) included.
    const shard = openStore(files[1], { readonly: true });
    expect(store.getProvenance(pointRunId(sweepId, 3))).toEqual(shard.getProvenance(pointRunId(sweepId, 3)));
    expect(store.getProvenance(pointRunId(sweepId, 3))).not.toBeNull();
    expect(store.getRun(pointRunId(sweepId, 3))).toEqual(shard.getRun(pointRunId(sweepId, 3)));
    shard.close();
    store.close();
    const merged = checkpointBytes(lab);
    expect(merged).toEqual(
      [...checkpointBytes(files[0]), ...checkpointBytes(files[1])].sort(
        (x, y) => String((x as { run_id: string }).run_id).localeCompare((y as { run_id: string }).run_id) || 0,
      ),
    );

    expect(mergeInto(lab, files)).toMatchObject({ added: 0, present: 6, refused: 0, sweeps: 0 });
    expect(checkpointBytes(lab)).toEqual(merged);
  });

  it('replaces a copy merged while it ran by the finished run, and refuses a different run under the same id', () => {
    const sweepId = randomUUID();
    const { lab, shards } = setup(sweepId);
    shardDatabase(join(shards, 'early.sqlite'), sweepId, [0, 1], 'interrupted');
    expect(mergeInto(lab, databaseFiles([join(shards, 'early.sqlite')]))).toMatchObject({ added: 2, replaced: 0 });
    shardDatabase(join(shards, 'late.sqlite'), sweepId, [0, 1], 'done');
    expect(mergeInto(lab, [join(shards, 'late.sqlite')])).toMatchObject({ added: 2, replaced: 2, present: 0 });
    shardDatabase(join(shards, 'other.sqlite'), sweepId, [1], 'done', 100);
    const counts = mergeInto(lab, [join(shards, 'other.sqlite')]);
    expect(counts).toMatchObject({ added: 0, present: 0, refused: 1 });
    expect(counts.refusals[0]).toMatch(/a different run with this id is stored already/);
    const store = openStore(lab);
    expect(store.getSweep(sweepId).runs.map((run) => run.status)).toEqual(['done', 'done']);
    expect(store.getRun(pointRunId(sweepId, 1)).config.seed).toBe(1);
    store.close();
  });

  it.each([
    [
      'foreign',
      (file: string) => {
        const db = new Database(file);
        db.exec('CREATE TABLE notes (text TEXT)');
        db.close();
      },
      /not a Two-Timescale Lab database|another program/,
    ],
    [
      'corrupt',
      (file: string, sweepId: string) => {
        shardDatabase(file, sweepId, [7, 8, 9]);
        truncateSync(file, 4096);
      },
      /damaged|truncated/,
    ],
    [
      'newer',
      (file: string, sweepId: string) => {
        shardDatabase(file, sweepId, [7]);
        const db = new Database(file);
        db.pragma('user_version = 99');
        db.close();
      },
      /newer version/,
    ],
    ['not SQLite', (file: string) => writeFileSync(file, 'hello'), /not a SQLite file/],
  ])('refuses a %s file among good ones, and writes nothing at all', (_kind, make, message) => {
    const sweepId = randomUUID();
    const { folder, lab, shards } = setup(sweepId, [0]);
    shardDatabase(join(shards, 'a-good.sqlite'), sweepId, [1, 2]);
    make(join(shards, 'b-bad.sqlite'), sweepId);
    const contents = () => ({ lab: folderContents(folder), shards: folderContents(shards) });
    const before = contents();
    expect(() => mergeInto(lab, databaseFiles([shards]))).toThrow(message);
    expect(contents()).toEqual(before);
  });

  it('checks every checkpoint it copies, also when SQLite copies them: a damaged blob refuses the file', () => {
    expectRefusedWhole(
      'UPDATE checkpoints SET a = zeroblob(7) WHERE idx = 1',
      /checkpoint 1 of run .*-p1 of .*b\.sqlite: not a checkpoint the lab writes/,
    );
  });

  it('merges more files than SQLite attaches at once, WAL-mode sources too, in one transaction', () => {
    const sweepId = randomUUID();
    const { lab, shards } = setup(sweepId);
    const files = Array.from({ length: 11 }, (_, k) => {
      const file = join(shards, `shard-${k}-of-11.sqlite`);
      shardDatabase(file, sweepId, [k, k + 11]);
      return file;
    });
    // A source in WAL mode (a colleague's lab database) goes through the row-by-row copy.
    openStore(files[3]).close();
    const counts = mergeInto(lab, files);
    expect(counts).toMatchObject({ added: 22, present: 0, refused: 0 });
    expect(checkpointBytes(lab)).toHaveLength(22 * 3);
  });

  it('leaves no database behind when it was to create one and a file is refused', () => {
    const sweepId = randomUUID();
    const { folder, shards } = setup(sweepId);
    writeFileSync(join(shards, 'bad.sqlite'), 'hello');
    const fresh = join(folder, 'fresh.sqlite');
    expect(() => mergeInto(fresh, [join(shards, 'bad.sqlite')])).toThrow(/not a SQLite file/);
    expect(Object.keys(folderContents(folder))).toEqual(['lab.sqlite']);
  });

  it('refuses a file whose rows do not satisfy the schema, rolling back the files merged before it', () => {
    expectRefusedWhole("UPDATE runs SET config = json_set(config, '$.sgd.h', -1)", /sgd\.h/);
  });
});
