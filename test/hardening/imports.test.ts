/**
 * An import reads only real tables of the lab's schema (no views, no triggers), validates every row
 * with the shared schemas, and never attaches an imported run to one of the user's own sweeps: both
 * where the lab imports (importFiles: a scan on a worker thread, then the copy) and where `ttlab merge`
 * merges (mergeFrom: the copy alone, which checks every row again as it writes it).
 */
import { describe, expect, it } from 'vitest';
import { openStore, type MergeCounts, type RunStore } from '../../src-main/store';
import { parseSweepSpec } from '#shared/config/schema';
import { smallConfig } from '../store/fixtures';
import { tamperedSource as source } from '../store/helpers';

const ways: Array<[string, (target: RunStore, file: string) => Promise<MergeCounts>]> = [
  ['importFiles', (target, file) => target.importFiles([file])],
  ['mergeFrom', async (target, file) => target.mergeFrom([file])],
];

describe.each(ways)('%s', (_way, importFile) => {
  /** Imports `file` into a fresh in-memory store: what it then holds, or the error, after checking nothing was added. */
  async function importInto(file: string) {
    const target = openStore(':memory:');
    try {
      return { counts: await importFile(target, file), runs: target.listRuns() };
    } catch (error) {
      expect(target.listRuns()).toEqual([]);
      throw error;
    } finally {
      target.close();
    }
  }

  describe('the schema of an imported database', () => {
    it('refuses a checkpoints view that makes up rows, before reading any', async () => {
      const file = source(`
        DROP TABLE checkpoints;
        CREATE VIEW checkpoints AS
          WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
          SELECT (SELECT id FROM runs) AS run_id, i AS idx, i AS step, 0.0 AS tau, 1.0 AS loss, NULL AS limit_loss, 0 AS covered, x'' AS a, x'' AS u FROM n;`);
      await expect(importInto(file)).rejects.toMatchObject({
        name: 'DatabaseOpenError',
        message: `${file} is refused: it holds a view ("checkpoints"), which a lab database never has`,
      });
    });

    it('refuses a trigger', async () => {
      const file = source('CREATE TRIGGER spy AFTER UPDATE ON runs BEGIN SELECT 1; END;');
      await expect(importInto(file)).rejects.toThrow(/is refused: it holds a trigger \("spy"\)/);
    });

    it('refuses a runs table without the lab columns', async () => {
      const file = source('ALTER TABLE runs DROP COLUMN notes');
      await expect(importInto(file)).rejects.toThrow(/is refused: its runs table has no notes column$/);
    });
  });

  describe('the rows of an imported database', () => {
    it.each([
      [
        'tags that are not a list',
        'UPDATE runs SET tags = \'{"x":1}\'',
        /: tags: Invalid input: expected array, received object$/,
      ],
      [
        'a name of a megabyte',
        `UPDATE runs SET name = '${'x'.repeat(1_000_000)}'`,
        /: name: must be at most 200 characters$/,
      ],
      [
        'a name with an escape sequence',
        "UPDATE runs SET name = 'a' || char(27) || '[2J'",
        /: name: must not contain control characters/,
      ],
      ['a negative step count', 'UPDATE runs SET steps = -5', /: steps: must be at least 0$/],
      [
        'a checkpoint blob of odd length',
        "UPDATE checkpoints SET a = x'010203' WHERE idx = 2",
        // The scan names the column; the copy, which leaves the checking to SQLite, says what the row is not.
        /checkpoint 2 of run .*: (a: must hold whole doubles|not a checkpoint the lab writes \(a number out of range or a damaged blob\))$/,
      ],
    ])('refuses %s, naming the column, and imports nothing', async (_what, sql, message) => {
      const file = source(sql);
      await expect(importInto(file)).rejects.toMatchObject({
        name: 'StoredDataError',
        message: expect.stringMatching(message),
      });
    });

    it('imports a valid database as before', async () => {
      const { counts, runs } = await importInto(source());
      expect(counts).toMatchObject({ added: 1, sweeps: 0, present: 0 });
      expect(runs.map((run) => [run.name, run.status])).toEqual([['theirs', 'done']]);
    });
  });

  describe('sweeps of imported runs', () => {
    it("never attach an imported run to one of the user's sweeps that shares its id", async () => {
      const target = openStore(':memory:');
      const spec = parseSweepSpec({ name: 'mine', base: smallConfig(), seeds: [1] });
      const mine = target.createSweep('mine', spec);
      target.createRun({ config: smallConfig(), name: 'my run', sweepId: mine });
      const file = source((db, runId) => {
        db.prepare(
          "INSERT INTO sweeps (id, name, spec, created_at) VALUES (?, 'forged', ?, '2020-01-01T00:00:00.000Z')",
        ).run(mine, JSON.stringify(spec));
        db.prepare('UPDATE runs SET sweep_id = ? WHERE id = ?').run(mine, runId);
      });
      await importFile(target, file);
      expect(target.getSweep(mine).runs.map((run) => run.name)).toEqual(['my run']);
      expect(target.listRuns().find((run) => run.name === 'theirs')?.sweepId).toBeNull();
      target.close();
    });
  });
});
