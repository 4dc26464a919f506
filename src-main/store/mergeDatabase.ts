/**
 * Merging lab databases run by run (shards of a cluster sweep, copies taken while they ran): which runs of a source
 * are already here, which replace an unfinished copy of themselves, and which collide with a different run.
 */
import type Database from 'better-sqlite3';
import { MAX_CHECKPOINTS, runConfigSchema } from '#shared/config/schema';
import { provenanceSchema } from '#shared/run/provenance';
import { StoredDataError } from './errors';
import { CHECKPOINT_COLUMNS } from './importRows';
import { parseStoredJson } from './storedJson';

/** Statuses that are a run's result: a later copy of the same run cannot improve on them. */
const RESULT_STATUSES = new Set(['done', 'diverged']);

/** What one merge did, over every file. */
export interface MergeCounts {
  /** Runs new here, including those that replaced an unfinished copy. */
  added: number;
  /** Of `added`: runs that replaced a copy stored here unfinished (queued, running, interrupted, failed, cancelled). */
  replaced: number;
  /** Runs stored here already with the same configuration. */
  present: number;
  /** Runs whose id is here with another configuration: the run stored here is kept. */
  refused: number;
  /** Sweeps new here. */
  sweeps: number;
  /** One line per refused run. */
  refusals: string[];
}

export const emptyMergeCounts = (): MergeCounts => ({
  added: 0,
  replaced: 0,
  present: 0,
  refused: 0,
  sweeps: 0,
  refusals: [],
});

/** How the runs of a source relate to the target, before anything is copied. */
export interface MergePlan {
  /** Ids stored in the target unfinished whose source copy has a result: deleted there, then copied. */
  superseded: string[];
  /** Ids present in both with the same configuration (superseded ones excluded). */
  present: number;
  refusals: string[];
}

/** Same configuration, read through the schema so that JSON written by another build compares by value. */
function sameConfig(left: string, right: string): boolean {
  if (left === right) return true;
  try {
    return (
      JSON.stringify(runConfigSchema.parse(JSON.parse(left))) ===
      JSON.stringify(runConfigSchema.parse(JSON.parse(right)))
    );
  } catch {
    return false;
  }
}

/** Compares every run of `source` (file `sourceFile`) with the target database; reads only. */
export function planMerge(source: Database.Database, sourceFile: string, target: Database.Database): MergePlan {
  const stored = target.prepare('SELECT status, config FROM runs WHERE id = ?');
  const plan: MergePlan = { superseded: [], present: 0, refusals: [] };
  for (const run of source.prepare('SELECT id, status, config FROM runs ORDER BY rowid').iterate() as IterableIterator<{
    id: string;
    status: string;
    config: string;
  }>) {
    const here = stored.get(run.id) as { status: string; config: string } | undefined;
    if (!here) continue;
    if (!sameConfig(here.config, run.config)) {
      plan.refusals.push(
        `run ${run.id} of ${sourceFile}: a different run with this id is stored already; kept the stored one`,
      );
    } else if (!RESULT_STATUSES.has(here.status) && RESULT_STATUSES.has(run.status)) {
      plan.superseded.push(run.id);
    } else {
      plan.present++;
    }
  }
  return plan;
}

/**
 * Copies the provenance of the runs `runIds` just copied from `source` (the portable columns leave it behind, and a
 * source older than schema 3 has none): each one validated, so a merged run still says which build computed it.
 */
export function copyProvenance(
  source: Database.Database,
  sourceFile: string,
  target: Database.Database,
  runIds: readonly string[],
): void {
  const columns = source.prepare("SELECT name FROM pragma_table_info('runs')").pluck().all() as string[];
  if (!columns.includes('provenance') || runIds.length === 0) return;
  const read = source.prepare('SELECT provenance FROM runs WHERE id = ?').pluck();
  const write = target.prepare('UPDATE runs SET provenance = ? WHERE id = ?');
  for (const id of runIds) {
    const json = read.get(id) as string | null | undefined;
    if (json === null || json === undefined) continue;
    parseStoredJson(provenanceSchema, json, `run ${id} of ${sourceFile}`, 'provenance');
    write.run(json, id);
  }
}

/** Sources attached at once (SQLite allows 10 per connection, and an attached source stays so until the commit). */
export const MAX_ATTACHED_SOURCES = 8;

/** What checkCheckpointRow accepts, as one SQL condition (whole numbers, finite reals, blobs of whole doubles). */
const VALID_CHECKPOINT = `
  typeof(idx) = 'integer' AND idx BETWEEN 0 AND ${MAX_CHECKPOINTS}
  AND typeof(step) = 'integer' AND step BETWEEN 0 AND ${Number.MAX_SAFE_INTEGER}
  AND typeof(tau) IN ('integer', 'real') AND abs(tau) <= 1.7976931348623157e308
  AND typeof(loss) IN ('integer', 'real') AND abs(loss) <= 1.7976931348623157e308
  AND (limit_loss IS NULL OR (typeof(limit_loss) IN ('integer', 'real') AND abs(limit_loss) <= 1.7976931348623157e308))
  AND typeof(covered) = 'integer' AND covered BETWEEN 0 AND 1000
  AND typeof(a) = 'blob' AND length(a) % 8 = 0 AND typeof(u) = 'blob' AND length(u) % 8 = 0`;

const CHECKPOINT_COLUMN_LIST = CHECKPOINT_COLUMNS.join(', ');

/** Whether `source` keeps a rollback journal (not WAL): such a file is only read when attached, never written. */
export function rollbackJournal(source: Database.Database): boolean {
  return source.pragma('journal_mode', { simple: true }) !== 'wal';
}

/**
 * Checks one run's checkpoints in `table` (on `db`) with VALID_CHECKPOINT, by SQLite itself: the first row that is not
 * a checkpoint the lab writes throws StoredDataError naming it and `sourceFile`.
 */
function checkpointChecker(db: Database.Database, table: string, sourceFile: string): (runId: string) => void {
  const invalid = db.prepare(`SELECT idx FROM ${table} WHERE run_id = ? AND NOT (${VALID_CHECKPOINT}) LIMIT 1`).pluck();
  return (runId) => {
    const idx = invalid.get(runId);
    if (idx !== undefined)
      throw new StoredDataError(
        `checkpoint ${String(idx)} of run ${runId} of ${sourceFile}: not a checkpoint the lab writes (a number out of range or a damaged blob)`,
      );
  };
}

/**
 * Attaches `sourceFile` to the target as `alias` and returns a checkpoint copier for copyDatabase: each run's
 * checkpoints are checked and copied by SQLite itself, never read into JavaScript (reading a million rows one by one
 * is most of a large merge). A row that is not a checkpoint the lab writes throws StoredDataError naming it.
 * Only for a source with a rollback journal that passed openImportSource's checks: reading it writes nothing.
 */
export function attachedCheckpointCopier(
  target: Database.Database,
  sourceFile: string,
  alias: string,
): (runId: string) => void {
  target.prepare(`ATTACH DATABASE ? AS ${alias}`).run(sourceFile);
  const checkValid = checkpointChecker(target, `${alias}.checkpoints`, sourceFile);
  const copy = target.prepare(
    `INSERT INTO main.checkpoints (${CHECKPOINT_COLUMN_LIST}) SELECT ${CHECKPOINT_COLUMN_LIST} FROM ${alias}.checkpoints WHERE run_id = ? ORDER BY idx`,
  );
  return (runId) => {
    checkValid(runId);
    copy.run(runId);
  };
}

/**
 * A checkpoint copier for copyDatabase from a source that cannot be attached (a WAL file, or one past
 * MAX_ATTACHED_SOURCES): each run's checkpoints are checked by SQLite on the source's own read-only connection, with
 * the condition attachedCheckpointCopier uses, then copied row by row as they are, never decoded nor parsed in
 * JavaScript. A row that is not a checkpoint the lab writes throws StoredDataError naming it.
 */
export function readCheckpointCopier(
  source: Database.Database,
  sourceFile: string,
  target: Database.Database,
): (runId: string) => void {
  const checkValid = checkpointChecker(source, 'checkpoints', sourceFile);
  const read = source.prepare(`SELECT ${CHECKPOINT_COLUMN_LIST} FROM checkpoints WHERE run_id = ? ORDER BY idx`).raw();
  const write = target.prepare(
    `INSERT INTO main.checkpoints (${CHECKPOINT_COLUMN_LIST}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (runId) => {
    checkValid(runId);
    for (const row of read.iterate(runId) as IterableIterator<unknown[]>) write.run(row);
  };
}
