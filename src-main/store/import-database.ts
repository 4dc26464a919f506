/** Copies the runs of another lab database that this one lacks (RunStore.importFrom). */
import type Database from 'better-sqlite3';
import { runConfigSchema, sweepSpecSchema } from '../../src-shared/config/schema';
import { PORTABLE_RUN_COLUMNS, type ImportStatements, type PortableCheckpointRow, type PortableRunRow, type PortableSweepRow } from './import-rows';
import { parseStoredJson } from './stored-json';

/** What an import added: runs and sweeps new to this database, and runs skipped because their id is here already. */
export interface ImportCounts {
  runs: number;
  sweeps: number;
  skipped: number;
}

/**
 * Copies, inside the caller's transactions, every sweep and run of `source` whose id `target` lacks, with the runs'
 * checkpoints byte for byte. Configurations and sweep specs are validated first (StoredDataError naming the row).
 * Returns the counts and the ids of imported runs that were still queued or running in the source.
 */
export function copyDatabase(source: Database.Database, sourceFile: string, target: ImportStatements): ImportCounts & { unfinished: string[] } {
  let sweeps = 0;
  for (const row of source.prepare('SELECT id, name, spec, created_at FROM sweeps ORDER BY rowid').all() as PortableSweepRow[]) {
    parseStoredJson(sweepSpecSchema, row.spec, `sweep ${row.id} ("${row.name}") of ${sourceFile}`, 'spec');
    if (target.sweep(row)) sweeps++;
  }
  const checkpoints = source.prepare('SELECT run_id, idx, step, tau, loss, limit_loss, covered, a, u FROM checkpoints WHERE run_id = ? ORDER BY idx');
  const runs = source.prepare(`SELECT ${PORTABLE_RUN_COLUMNS.join(', ')} FROM runs ORDER BY rowid`).all() as PortableRunRow[];
  const fresh = runs.filter((row) => !target.hasRun(row.id as string));
  for (const row of fresh) {
    parseStoredJson(runConfigSchema, row.config as string, `run ${row.id} ("${row.name}") of ${sourceFile}`, 'config');
    target.run(row);
    for (const checkpoint of checkpoints.iterate(row.id) as IterableIterator<PortableCheckpointRow>) target.checkpoint(checkpoint);
  }
  const unfinished = fresh.filter((row) => row.status === 'queued' || row.status === 'running').map((row) => row.id as string);
  return { runs: fresh.length, sweeps, skipped: runs.length - fresh.length, unfinished };
}
