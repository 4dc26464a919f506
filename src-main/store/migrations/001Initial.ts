/** Schema 1: sweeps, runs (with the summary columns the run list filters and sorts on) and their checkpoints. */
import type { Migration } from '../migrate';

/** 'TTLB' in the SQLite header, so another program's database is recognised before anything is written to it. */
export const APPLICATION_ID = 0x54544c42;

export const initialSchema: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE sweeps (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE runs (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'cancelled', 'failed', 'diverged', 'interrupted')),
        config TEXT NOT NULL CHECK (json_valid(config)),
        -- Copies of config fields, for filtering and sorting without parsing JSON.
        seed INTEGER NOT NULL,
        trainer TEXT NOT NULL,
        m INTEGER NOT NULL,
        eta REAL NOT NULL,
        h REAL NOT NULL,
        epsilon REAL NOT NULL,
        sweep_id TEXT REFERENCES sweeps (id) ON DELETE SET NULL,
        -- The grid values a sweep gave this run.
        params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        duration_ms REAL,
        steps INTEGER NOT NULL DEFAULT 0,
        total_steps INTEGER NOT NULL,
        final_loss REAL,
        best_loss REAL,
        limit_final_loss REAL,
        limit_note TEXT,
        covered_jumps INTEGER,
        total_jumps INTEGER NOT NULL,
        coverage TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(coverage)),
        error TEXT,
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        notes TEXT NOT NULL DEFAULT '',
        starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1))
      ) STRICT;

      CREATE INDEX runs_by_created ON runs (created_at);
      CREATE INDEX runs_by_sweep ON runs (sweep_id, created_at);
      CREATE INDEX runs_by_status ON runs (status);

      CREATE TABLE checkpoints (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        step INTEGER NOT NULL,
        tau REAL NOT NULL,
        loss REAL NOT NULL,
        limit_loss REAL,
        covered INTEGER NOT NULL,
        -- Little-endian Float64Array bytes.
        a BLOB NOT NULL,
        u BLOB NOT NULL,
        PRIMARY KEY (run_id, idx)
      ) STRICT;
    `);
  },
};
