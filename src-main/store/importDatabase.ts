/** Copies the sweeps and runs of one source of a merge that the target lacks (mergeCopy.ts). */
import type Database from 'better-sqlite3';
import { checkRunRow, checkSweepRow } from './importCheck';
import { PORTABLE_RUN_COLUMNS, type ImportStatements, type PortableRunRow, type PortableSweepRow } from './importRows';

/** What the copy of one source added. */
export interface SourceCopy {
  /** Ids of the runs added, in the source's order. */
  added: string[];
  /** Of `added`: the runs that were still queued or running in the source. */
  unfinished: string[];
  /** How many sweeps were added. */
  sweeps: number;
}

/**
 * Copies, inside the caller's transactions, every sweep and run of `source` whose id `target` lacks, each run's
 * checkpoints through `copyCheckpoints` (mergeDatabase.ts: checked and copied byte for byte). Every row is validated
 * before it is written (importCheck.ts: names, tags, statuses, numbers, JSON columns, configurations and sweep specs;
 * StoredDataError naming the row). A run keeps its sweep only when that sweep came with it (or is stored here as the
 * very same row).
 */
export function copyDatabase(
  source: Database.Database,
  sourceFile: string,
  target: ImportStatements,
  copyCheckpoints: (runId: string) => void,
): SourceCopy {
  let sweeps = 0;
  /** Sweeps the imported runs may belong to: added now, or stored here already as the very same row. */
  const joinable = new Set<string>();
  for (const row of source
    .prepare('SELECT id, name, spec, created_at FROM sweeps ORDER BY rowid')
    .iterate() as IterableIterator<PortableSweepRow>) {
    checkSweepRow(row, sourceFile);
    if (target.sweep(row)) sweeps++;
    else if (!target.sameSweep(row)) continue;
    joinable.add(row.id);
  }
  const runs = source
    .prepare(`SELECT ${PORTABLE_RUN_COLUMNS.join(', ')} FROM runs ORDER BY rowid`)
    .all() as PortableRunRow[];
  const fresh = runs.filter((row) => !target.hasRun(row.id as string));
  for (const row of fresh) {
    checkRunRow(row, sourceFile);
    // A run never joins one of this database's own sweeps that merely shares the id.
    target.run(row.sweep_id !== null && !joinable.has(row.sweep_id as string) ? { ...row, sweep_id: null } : row);
    copyCheckpoints(row.id as string);
  }
  return {
    added: fresh.map((row) => row.id as string),
    unfinished: fresh
      .filter((row) => row.status === 'queued' || row.status === 'running')
      .map((row) => row.id as string),
    sweeps,
  };
}
