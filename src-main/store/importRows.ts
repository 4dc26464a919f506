/** The rows of a lab database that a merge reads and copies (mergeCopy.ts), and its writes of them. */
import type Database from 'better-sqlite3';

/** The columns of a run that travel with it, all present since schema 1; owner and touched_at stay behind. */
export const PORTABLE_RUN_COLUMNS = [
  'id',
  'name',
  'status',
  'config',
  'seed',
  'trainer',
  'm',
  'eta',
  'h',
  'epsilon',
  'sweep_id',
  'params',
  'created_at',
  'started_at',
  'finished_at',
  'duration_ms',
  'steps',
  'total_steps',
  'final_loss',
  'best_loss',
  'limit_final_loss',
  'limit_note',
  'covered_jumps',
  'total_jumps',
  'coverage',
  'error',
  'tags',
  'notes',
  'starred',
] as const;

/** A run row as stored (JSON columns as text). */
export type PortableRunRow = Record<(typeof PORTABLE_RUN_COLUMNS)[number], string | number | null>;

export interface PortableSweepRow {
  id: string;
  name: string;
  /** JSON of a SweepSpec. */
  spec: string;
  created_at: string;
}

/** The columns of a checkpoint, all present since schema 1. */
export const CHECKPOINT_COLUMNS = ['run_id', 'idx', 'step', 'tau', 'loss', 'limit_loss', 'covered', 'a', 'u'] as const;

/** A checkpoint row as stored; `a` and `u` are copied as bytes, so they arrive bit for bit. */
export interface PortableCheckpointRow {
  run_id: string;
  idx: number;
  step: number;
  tau: number;
  loss: number;
  limit_loss: number | null;
  covered: number;
  a: Uint8Array;
  u: Uint8Array;
}

export function importStatements(db: Database.Database) {
  const hasRun = db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck();
  // A run whose sweep is not in this database arrives without one, as if that sweep had been deleted.
  const values = PORTABLE_RUN_COLUMNS.map((column) =>
    column === 'sweep_id' ? '(SELECT id FROM sweeps WHERE id = @sweep_id)' : `@${column}`,
  );
  const insertRun = db.prepare(`INSERT INTO runs (${PORTABLE_RUN_COLUMNS.join(', ')}) VALUES (${values.join(', ')})`);
  const insertSweep = db.prepare(
    'INSERT INTO sweeps (id, name, spec, created_at) VALUES (@id, @name, @spec, @created_at) ON CONFLICT (id) DO NOTHING',
  );
  const sameSweep = db
    .prepare('SELECT 1 FROM sweeps WHERE id = @id AND name = @name AND spec = @spec AND created_at = @created_at')
    .pluck();

  return {
    hasRun: (id: string): boolean => hasRun.get(id) !== undefined,
    /** Adds the sweep unless its id is stored already; returns whether it was added. */
    sweep: (row: PortableSweepRow): boolean => insertSweep.run(row).changes > 0,
    /** Whether this very sweep row (id, name, spec and creation time) is stored already. */
    sameSweep: (row: PortableSweepRow): boolean => sameSweep.get(row) !== undefined,
    run: (row: PortableRunRow): void => void insertRun.run(row),
  };
}

export type ImportStatements = ReturnType<typeof importStatements>;
