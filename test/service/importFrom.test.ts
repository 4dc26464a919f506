/**
 * importRunsFrom: runs merged from lab databases on the lab's machine (a file, a folder of them, a cluster plan folder
 * with its shards), validated at the boundary: a bad path is named, a refused file writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { createLab, type Lab } from '../../src-main/service/lab';
import { openStore } from '../../src-main/store';
import { smallConfig } from '../store/fixtures';
import { tempFolder } from '../store/helpers';

/** A lab database at `file` holding `runs` finished runs (ids differ between files through `prefix`). */
function labDatabase(file: string, runs: number, prefix: string): string {
  const store = openStore(file);
  for (let i = 0; i < runs; i++) {
    const runId = store.createRun({ config: smallConfig({ seed: i }), name: `${prefix} ${i}`, id: `${prefix}-${i}` });
    store.finishRun(runId, 'done', {});
  }
  store.close();
  return file;
}

const labs: Lab[] = [];
afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.close();
});

function openLab(): Lab {
  const lab = createLab({
    dbFile: path.join(tempFolder(), 'lab.sqlite'),
    spawn: () => {
      throw new Error('no trainer in these tests');
    },
  });
  labs.push(lab);
  return lab;
}

describe('importRunsFrom', () => {
  it('merges a cluster plan folder through its shards, a folder of databases, and a single file; again adds nothing', async () => {
    const lab = openLab();
    const plan = tempFolder();
    fs.mkdirSync(path.join(plan, 'shards'));
    labDatabase(path.join(plan, 'shards', 'shard-0-of-2.sqlite'), 2, 'a');
    labDatabase(path.join(plan, 'shards', 'shard-1-of-2.sqlite'), 3, 'b');
    const reply = await dispatch(lab.handlers, 'importRunsFrom', { path: plan });
    expect(reply).toMatchObject({ ok: true, result: { added: 5, present: 0, refused: 0 } });
    expect((reply as { result: { files: string[] } }).result.files.map((file) => path.basename(file))).toEqual([
      'shard-0-of-2.sqlite',
      'shard-1-of-2.sqlite',
    ]);
    expect(lab.store.listRuns()).toHaveLength(5);

    const again = await dispatch(lab.handlers, 'importRunsFrom', { path: path.join(plan, 'shards') });
    expect(again).toMatchObject({ ok: true, result: { added: 0, present: 5 } });
    const single = labDatabase(path.join(tempFolder(), 'colleague.sqlite'), 1, 'c');
    expect(await dispatch(lab.handlers, 'importRunsFrom', { path: single })).toMatchObject({
      ok: true,
      result: { added: 1 },
    });
    expect(lab.store.listRuns()).toHaveLength(6);
  });

  it('names the field for a path with nothing there, a folder without databases, and an empty path', async () => {
    const lab = openLab();
    const missing = path.join(tempFolder(), 'nowhere');
    expect(await dispatch(lab.handlers, 'importRunsFrom', { path: missing })).toMatchObject({
      ok: false,
      error: { name: 'ValidationError', message: `path: nothing at ${missing}` },
    });
    const empty = tempFolder();
    expect(await dispatch(lab.handlers, 'importRunsFrom', { path: empty })).toMatchObject({
      ok: false,
      error: { message: `path: no lab database (.sqlite file) at ${empty}` },
    });
    expect(await dispatch(lab.handlers, 'importRunsFrom', { path: '  ' })).toMatchObject({
      ok: false,
      error: { name: 'ValidationError', message: 'path: give a folder or a database file' },
    });
  });

  it('writes nothing when one file of a folder is not a lab database', async () => {
    const lab = openLab();
    const folder = tempFolder();
    labDatabase(path.join(folder, 'good.sqlite'), 2, 'g');
    fs.writeFileSync(path.join(folder, 'junk.sqlite'), Buffer.alloc(4096, 7));
    const reply = await dispatch(lab.handlers, 'importRunsFrom', { path: folder });
    expect(reply.ok).toBe(false);
    expect(lab.store.listRuns()).toEqual([]);
  });
});
