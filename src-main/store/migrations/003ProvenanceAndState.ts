/**
 * Schema 3: where each run came from (its provenance, recorded when it starts) and the saved state of unfinished runs,
 * from which an interrupted or cancelled run resumes exactly.
 */
import type { Migration } from '../migrate';

export const provenanceAndState: Migration = {
  version: 3,
  name: 'provenance and resumable state',
  up(db) {
    db.exec(`
      -- JSON of a Provenance (src-shared/run/provenance.ts); NULL for runs stored before schema 3 ("unknown").
      ALTER TABLE runs ADD COLUMN provenance TEXT CHECK (provenance IS NULL OR json_valid(provenance));

      -- The latest saved state of a run that has not finished: the session snapshot (JSON with typed arrays in base64,
      -- see stateCodec.ts) and how many checkpoints it follows. Kept after a cancel, a crash or an interruption; dropped
      -- when the run ends done or diverged.
      CREATE TABLE run_states (
        run_id TEXT PRIMARY KEY NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        checkpoint_count INTEGER NOT NULL CHECK (checkpoint_count >= 0),
        state BLOB NOT NULL,
        -- Training time spent on the run up to this state, in milliseconds.
        duration_ms REAL NOT NULL CHECK (duration_ms >= 0),
        saved_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
