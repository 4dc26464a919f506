/** Sizes of the store (RunStore.stats), read by tests. */
import type Database from 'better-sqlite3';

export interface StoreStats {
  runs: number;
  checkpoints: number;
  /** Size of the database (page count times page size), committed data in the -wal file included. */
  bytes: number;
}

export function statsStatement(db: Database.Database): () => StoreStats {
  const stats = db.prepare(`
    SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM checkpoints) AS checkpoints,
      (SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()) AS bytes`);
  return () => stats.get() as StoreStats;
}
