/** Statements on the sweeps table; a sweep's spec is validated with sweepSpecSchema when read back. */
import type Database from 'better-sqlite3';
import type { SweepSummary } from '#shared/api/contract';
import { sweepSpecSchema, type SweepSpec } from '#shared/config/schema';
import { parseStoredJson } from './storedJson';

interface SweepRow {
  id: string;
  name: string;
  spec: string;
  createdAt: string;
  runCount: number;
  doneCount: number;
}

const SWEEP_WITH_COUNTS = `
  SELECT s.id, s.name, s.spec, s.created_at AS createdAt, count(r.id) AS runCount,
    count(CASE r.status WHEN 'done' THEN 1 END) AS doneCount
  FROM sweeps s LEFT JOIN runs r ON r.sweep_id = s.id`;

function toSweepSummary(row: SweepRow): SweepSummary {
  const spec = parseStoredJson(sweepSpecSchema, row.spec, `sweep ${row.id} ("${row.name}")`, 'spec');
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    spec,
    runCount: row.runCount,
    doneCount: row.doneCount,
  };
}

export function sweepStatements(db: Database.Database) {
  const insert = db.prepare('INSERT INTO sweeps (id, name, spec, created_at) VALUES (?, ?, ?, ?)');
  const all = db.prepare(`${SWEEP_WITH_COUNTS} GROUP BY s.id ORDER BY s.created_at DESC, s.rowid DESC`);
  const one = db.prepare(`${SWEEP_WITH_COUNTS} WHERE s.id = ? GROUP BY s.id`);
  const exists = db.prepare('SELECT 1 FROM sweeps WHERE id = ?').pluck();
  const removeRuns = db.prepare('DELETE FROM runs WHERE sweep_id = ?');
  const remove = db.prepare('DELETE FROM sweeps WHERE id = ?');

  return {
    insert: (id: string, name: string, spec: SweepSpec, createdAt: string): void => {
      insert.run(id, name, JSON.stringify(spec), createdAt);
    },
    exists: (id: string): boolean => exists.get(id) !== undefined,
    /** Deletes the sweep and its runs (their checkpoints follow by cascade); the caller wraps it in a transaction. */
    removeWithRuns: (id: string): number => {
      const runs = removeRuns.run(id).changes;
      remove.run(id);
      return runs;
    },
    all: (): SweepSummary[] => (all.all() as SweepRow[]).map(toSweepSummary),
    get: (id: string): SweepSummary | undefined => {
      const row = one.get(id) as SweepRow | undefined;
      return row && toSweepSummary(row);
    },
  };
}
