/** Copies the runs of another lab database that this one lacks (RunStore.importFrom). */
import type Database from 'better-sqlite3';
import { runConfigSchema, sweepSpecSchema } from '#shared/config/schema';
import { checkCheckpointRow, checkRunRow, checkSweepRow } from './importCheck';
import {
  PORTABLE_RUN_COLUMNS,
  type ImportStatements,
  type PortableCheckpointRow,
  type PortableRunRow,
  type PortableSweepRow,
} from './importRows';
import { parseStoredJson } from './storedJson';

/** What an import added: runs and sweeps new to this database, and runs skipped because their id is here already. */
export interface ImportCounts {
  runs: number;
  sweeps: number;
  skipped: number;
}

/**
 * Copies, inside the caller's transactions, every sweep and run of `source` whose id `target` lacks, with the runs'
 * checkpoints byte for byte. Every row is validated before it is written (importCheck.ts: names, tags, statuses,
 * numbers, JSON columns, configurations and sweep specs; StoredDataError naming the row). A run keeps its sweep only
 * when that sweep came with it (or is stored here as the very same row).
 * Returns the counts and the ids of imported runs that were still queued or running in the source.
 * `copyCheckpoints`, when given, copies (and validates as checkCheckpointRow does) a run's checkpoints in its own way,
 * e.g. in one SQL statement from the source attached to the target (mergeDatabase.ts).
 */
export function copyDatabase(
  source: Database.Database,
  sourceFile: string,
  target: ImportStatements,
  copyCheckpoints?: (runId: string) => void,
): ImportCounts & { unfinished: string[]; added: string[] } {
  let sweeps = 0;
  /** Sweeps the imported runs may belong to: added now, or stored here already as the very same row. */
  const joinable = new Set<string>();
  for (const row of source
    .prepare('SELECT id, name, spec, created_at FROM sweeps ORDER BY rowid')
    .iterate() as IterableIterator<PortableSweepRow>) {
    checkSweepRow(row, sourceFile);
    parseStoredJson(sweepSpecSchema, row.spec, `sweep ${row.id} ("${row.name}") of ${sourceFile}`, 'spec');
    if (target.sweep(row)) sweeps++;
    else if (!target.sameSweep(row)) continue;
    joinable.add(row.id);
  }
  const checkpoints = source.prepare(
    'SELECT run_id, idx, step, tau, loss, limit_loss, covered, a, u FROM checkpoints WHERE run_id = ? ORDER BY idx',
  );
  const runs = source
    .prepare(`SELECT ${PORTABLE_RUN_COLUMNS.join(', ')} FROM runs ORDER BY rowid`)
    .all() as PortableRunRow[];
  const fresh = runs.filter((row) => !target.hasRun(row.id as string));
  for (const row of fresh) {
    checkRunRow(row, sourceFile);
    parseStoredJson(runConfigSchema, row.config as string, `run ${row.id} ("${row.name}") of ${sourceFile}`, 'config');
    // A run never joins one of this database's own sweeps that merely shares the id.
    target.run(row.sweep_id !== null && !joinable.has(row.sweep_id as string) ? { ...row, sweep_id: null } : row);
    if (copyCheckpoints) copyCheckpoints(row.id as string);
    else {
      for (const checkpoint of checkpoints.iterate(row.id) as IterableIterator<PortableCheckpointRow>) {
        checkCheckpointRow(checkpoint, sourceFile);
        target.checkpoint(checkpoint);
      }
    }
  }
  const unfinished = fresh
    .filter((row) => row.status === 'queued' || row.status === 'running')
    .map((row) => row.id as string);
  return {
    runs: fresh.length,
    sweeps,
    skipped: runs.length - fresh.length,
    unfinished,
    added: fresh.map((row) => row.id as string),
  };
}
