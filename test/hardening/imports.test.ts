/**
 * An import reads only real tables of the lab's schema (no views, no triggers), validates every row
 * with the shared schemas, and never attaches an imported run to one of the user's own sweeps.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError, openStore, StoredDataError } from '../../src-main/store';
import { parseSweepSpec } from '#shared/config/schema';
import { checkpoints, smallConfig } from '../store/fixtures';
import { tempFolder } from '../store/helpers';

/** A lab database with one finished run of 3 checkpoints, then changed by `tamper` through a raw connection. */
function source(tamper: (db: Database.Database, runId: string) => void): string {
  const file = join(tempFolder(), 'other.sqlite');
  const store = openStore(file);
  const runId = store.createRun({ config: smallConfig(), name: 'theirs' });
  store.appendCheckpoints(runId, 0, checkpoints(0, 3, 4));
  store.finishRun(runId, 'done', {});
  store.close();
  const db = new Database(file);
  tamper(db, runId);
  db.close();
  return file;
}

function importInto(file: string) {
  const target = openStore(':memory:');
  try {
    return { counts: target.importFrom(file), runs: target.listRuns(), sweeps: target.listSweeps() };
  } catch (error) {
    expect(target.listRuns()).toEqual([]);
    throw error;
  } finally {
    target.close();
  }
}

describe('the schema of an imported database', () => {
  it('refuses a checkpoints view that makes up rows, before reading any', () => {
    const file = source((db) => {
      db.exec(`
        DROP TABLE checkpoints;
        CREATE VIEW checkpoints AS
          WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999)
          SELECT (SELECT id FROM runs) AS run_id, i AS idx, i AS step, 0.0 AS tau, 1.0 AS loss, NULL AS limit_loss, 0 AS covered, x'' AS a, x'' AS u FROM n;`);
    });
    expect(() => importInto(file)).toThrow(
      new DatabaseOpenError(`${file} is refused: it holds a view ("checkpoints"), which a lab database never has`),
    );
  });

  it('refuses a trigger', () => {
    const file = source((db) => db.exec('CREATE TRIGGER spy AFTER UPDATE ON runs BEGIN SELECT 1; END;'));
    expect(() => importInto(file)).toThrow(/is refused: it holds a trigger \("spy"\)/);
  });

  it('refuses a runs table without the lab columns', () => {
    const file = source((db) => db.exec('ALTER TABLE runs DROP COLUMN notes'));
    expect(() => importInto(file)).toThrow(/is refused: its runs table has no notes column$/);
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
      /checkpoint 2 of run .*: a: must hold whole doubles$/,
    ],
  ])('refuses %s, naming the column, and imports nothing', (_what, sql, message) => {
    const file = source((db) => db.exec(sql));
    expect(() => importInto(file)).toThrow(StoredDataError);
    expect(() => importInto(file)).toThrow(message);
  });

  it('imports a valid database as before', () => {
    const { counts, runs } = importInto(source(() => undefined));
    expect(counts).toEqual({ runs: 1, sweeps: 0, skipped: 0 });
    expect(runs.map((run) => [run.name, run.status])).toEqual([['theirs', 'done']]);
  });
});

describe('sweeps of imported runs', () => {
  it("never attach an imported run to one of the user's sweeps that shares its id", () => {
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
    target.importFrom(file);
    expect(target.getSweep(mine).runs.map((run) => run.name)).toEqual(['my run']);
    expect(target.listRuns().find((run) => run.name === 'theirs')?.sweepId).toBeNull();
    target.close();
  });
});
