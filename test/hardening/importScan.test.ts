/**
 * Off the event loop: import sources are checked on a worker thread, within a time limit, before
 * anything is copied; the event loop turns meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { scanImportFiles } from '../../src-main/store/importScan';
import { tamperedSource } from '../store/helpers';

const source = (sql = '') => tamperedSource(sql, 50);

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
