/**
 * Schema 2: which process owns an unfinished run, and when it last wrote to it, so a process that opens the database
 * marks 'interrupted' only the runs of processes that are gone (see ownership.ts), never those of a live neighbour.
 */
import type { Migration } from '../migrate';

export const runOwner: Migration = {
  version: 2,
  name: 'run owner',
  up(db) {
    db.exec(`
      -- 'hostname:pid:session' of the store that created or started the run; NULL for runs written before schema 2.
      ALTER TABLE runs ADD COLUMN owner TEXT;
      -- ISO time of the owner's last write to the run (creation, start, checkpoints, progress).
      ALTER TABLE runs ADD COLUMN touched_at TEXT;
    `);
  },
};
