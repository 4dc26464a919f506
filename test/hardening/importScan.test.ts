/**
 * Off the event loop: import sources are checked on a worker thread, within a time limit, before
 * anything is copied; the event loop turns meanwhile.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { scanImportFiles } from '../../src-main/store/importScan';
import { checkpoints, smallConfig } from '../store/fixtures';
import { tempFolder } from '../store/helpers';

function source(sql = ''): string {
  const file = join(tempFolder(), 'other.sqlite');
  const store = openStore(file);
  const runId = store.createRun({ config: smallConfig(), name: 'theirs' });
  store.appendCheckpoints(runId, 0, checkpoints(0, 50, 4));
  store.finishRun(runId, 'done', {});
  store.close();
  if (sql) {
    const db = new Database(file);
    db.exec(sql);
    db.close();
  }
  return file;
}

describe('scanning import sources on a worker thread', () => {
  it('resolves for a lab database while the event loop keeps turning', async () => {
    let settled = false;
    const scan = scanImportFiles([source(), source()]).finally(() => (settled = true));
    let turns = 0;
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      turns++;
    }
    await scan;
    expect(turns).toBeGreaterThan(1);
  });

  it('rejects a bad row of any file with its error, named', async () => {
    const bad = source('UPDATE runs SET tags = \'{"x":1}\'');
    await expect(scanImportFiles([source(), bad])).rejects.toMatchObject({
      name: 'StoredDataError',
      message: expect.stringContaining(`of ${bad}: tags:`),
    });
  });

  it('rejects a view before reading it', async () => {
    await expect(
      scanImportFiles([source('DROP TABLE checkpoints; CREATE VIEW checkpoints AS SELECT 1 AS x')]),
    ).rejects.toMatchObject({ name: 'DatabaseOpenError', message: expect.stringMatching(/holds a view/) });
  });

  it('gives up after its time limit, saying nothing was imported', async () => {
    const file = source();
    // No worker loads its modules within 0 ms: the limit always strikes first.
    await expect(scanImportFiles([file], { timeoutMs: 0 })).rejects.toMatchObject({
      name: 'DatabaseOpenError',
      message: `reading ${file} took longer than 0 s: nothing was imported`,
    });
  });
});
