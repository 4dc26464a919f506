/** Statements on the runs table, prepared once per connection. */
import type Database from 'better-sqlite3';
import type { RunStatus } from '#shared/api/contract';
import { totalSteps, type RunConfig } from '#shared/config/schema';
import { DETAIL_COLUMNS, SUMMARY_COLUMNS, type DetailRow, type SummaryRow } from './runRows';
import type { FinishColumns } from './finish';

/** What a new run needs besides its configuration. */
export interface NewRun {
  id: string;
  name: string;
  config: RunConfig;
  sweepId: string | null;
  params: Record<string, unknown>;
  createdAt: string;
  /** The creating store's owner (see ownership.ts). */
  owner: string;
  /** JSON of the run's Provenance: the build and machine that run it. */
  provenance: string;
}

/** Editable fields; null leaves a field as it is. */
export interface RunPatch {
  name: string | null;
  tags: string | null;
  notes: string | null;
  starred: 0 | 1 | null;
}

/** The columns a run's configuration determines: the JSON itself and the copies the run list filters and sorts on. */
function configColumns(config: RunConfig) {
  return {
    config: JSON.stringify(config),
    seed: config.seed,
    trainer: config.trainer,
    m: config.network.m,
    eta: config.network.eta,
    h: config.sgd.h,
    epsilon: config.sgd.epsilon,
    total_jumps: config.target.positions.length,
  };
}

export function runStatements(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO runs (id, name, status, config, seed, trainer, m, eta, h, epsilon, sweep_id, params, created_at, total_steps, total_jumps,
      owner, touched_at, provenance)
    VALUES (@id, @name, 'queued', @config, @seed, @trainer, @m, @eta, @h, @epsilon, @sweep_id, @params, @created_at, @total_steps, @total_jumps,
      @owner, @created_at, @provenance)`);
  const start = db.prepare(`
    UPDATE runs SET status = 'running', started_at = @now, touched_at = @now, total_steps = @total, owner = @owner WHERE id = @id`);
  const progress = db.prepare('UPDATE runs SET steps = ?, touched_at = ? WHERE id = ?');
  const reach = db.prepare('UPDATE runs SET steps = max(steps, ?), touched_at = ? WHERE id = ?');
  const finish = db.prepare(`
    UPDATE runs SET status = @status, finished_at = @finishedAt, duration_ms = @durationMs, steps = @steps,
      final_loss = @finalLoss, best_loss = @bestLoss, limit_final_loss = @limitFinalLoss, limit_note = @limitNote,
      covered_jumps = @coveredJumps, coverage = @coverage, error = @error
    WHERE id = @id`);
  const patch = db.prepare(`
    UPDATE runs SET name = coalesce(@name, name), tags = coalesce(@tags, tags), notes = coalesce(@notes, notes),
      starred = coalesce(@starred, starred)
    WHERE id = @id`);
  const remove = db.prepare('DELETE FROM runs WHERE id IN (SELECT value FROM json_each(?))');
  // Rows of the run list and of full runs come as arrays (see runRows.ts).
  const summary = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE id = ?`).raw();
  const detail = db.prepare(`SELECT ${DETAIL_COLUMNS} FROM runs WHERE id = ?`).raw();
  const details = db.prepare(`SELECT ${DETAIL_COLUMNS} FROM runs WHERE id IN (SELECT value FROM json_each(?))`).raw();
  const progressOf = db.prepare('SELECT steps, started_at AS startedAt FROM runs WHERE id = ?');
  // The run list, newest first: the first page, and the page after a given run (a keyset on the created_at index,
  // whose entries end with the rowid). LIMIT -1 is no limit.
  const newest = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?`).raw();
  const older = db
    .prepare(
      `
    SELECT ${SUMMARY_COLUMNS} FROM runs WHERE (created_at, rowid) < (SELECT created_at, rowid FROM runs WHERE id = ?)
    ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    )
    .raw();
  const ofSweep = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs WHERE sweep_id = ? ORDER BY created_at, rowid`).raw();
  const unfinished = db.prepare(
    `SELECT id, owner, touched_at AS touchedAt FROM runs WHERE status IN ('queued', 'running')`,
  );

  return {
    insert(run: NewRun): void {
      insert.run({
        ...configColumns(run.config),
        id: run.id,
        name: run.name,
        sweep_id: run.sweepId,
        params: JSON.stringify(run.params),
        created_at: run.createdAt,
        owner: run.owner,
        provenance: run.provenance,
        total_steps: totalSteps(run.config),
      });
    },
    /** The following statements return whether the run exists; `now` becomes the run's touched_at. */
    start: (id: string, now: string, total: number, owner: string): boolean =>
      start.run({ id, now, total, owner }).changes > 0,
    progress: (id: string, steps: number, now: string): boolean => progress.run(steps, now, id).changes > 0,
    /** Raises the step count to `steps` when a checkpoint shows the run got further. */
    reach: (id: string, steps: number, now: string): boolean => reach.run(steps, now, id).changes > 0,
    finish: (id: string, status: RunStatus, columns: FinishColumns): boolean =>
      finish.run({ id, status, ...columns }).changes > 0,
    patch: (id: string, fields: RunPatch): boolean => patch.run({ id, ...fields }).changes > 0,
    /** Deletes the runs (their checkpoints cascade); returns how many existed. */
    remove: (ids: readonly string[]): number => remove.run(JSON.stringify(ids)).changes,
    summary: (id: string) => summary.get(id) as SummaryRow | undefined,
    detail: (id: string) => detail.get(id) as DetailRow | undefined,
    /** The runs among `ids` that exist, in no particular order. */
    details: (ids: readonly string[]) => details.all(JSON.stringify(ids)) as DetailRow[],
    progressOf: (id: string) => progressOf.get(id) as { steps: number; startedAt: string | null } | undefined,
    /** Up to `limit` runs (-1: all) newest first, after the run `before` when given (none when it does not exist). */
    list: (limit: number, before?: string) =>
      (before === undefined ? newest.all(limit) : older.all(before, limit)) as SummaryRow[],
    ofSweep: (sweepId: string) => ofSweep.all(sweepId) as SummaryRow[],
    /** Runs left 'queued' or 'running', with who owns them. */
    unfinished: () => unfinished.all() as Array<{ id: string; owner: string | null; touchedAt: string | null }>,
  };
}
