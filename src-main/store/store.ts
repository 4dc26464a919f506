/** RunStore: every run, sweep and checkpoint of the lab in one SQLite file. */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { CheckpointSeries, RunDetail, RunStatus, RunSummary, SweepSummary } from '../../src-shared/api/contract';
import { NotFoundError } from '../../src-shared/api/errors';
import { parseOrThrow, runConfigSchema, sweepSpecSchema, type RunConfig, type SweepSpec } from '../../src-shared/config/schema';
import type { RunCheckpoint } from '../../src-shared/run/types';
import { checkpointStatements } from './checkpoints';
import { openDatabase, type OpenOptions } from './connection';
import { guardWrite } from './errors';
import { finishColumns, type FinishInput } from './finish';
import { toDetail, toSummary } from './run-rows';
import { runStatements } from './runs';
import { sweepStatements } from './sweeps';

const INTERRUPTED_ERROR = 'the lab stopped before this run finished';

const missingRun = (runId: string) => new NotFoundError(`run ${runId} not found`);
const missingSweep = (sweepId: string) => new NotFoundError(`sweep ${sweepId} not found`);

/** The lab's runs, sweeps and checkpoints in one SQLite database; every write is one transaction. */
export class RunStore {
  /** How many queued or running runs were marked interrupted when the store opened (their data is kept). */
  readonly interruptedOnOpen: number;
  private readonly runs;
  private readonly checkpoints;
  private readonly sweeps;

  /** Takes a connection made by openDatabase (openStore does both); owns it from then on. */
  constructor(
    private readonly db: Database.Database,
    readonly file: string,
  ) {
    this.runs = runStatements(db);
    this.checkpoints = checkpointStatements(db);
    this.sweeps = sweepStatements(db);
    try {
      this.interruptedOnOpen = db.readonly ? 0 : this.write('mark unfinished runs interrupted', () => this.interruptUnfinished());
    } catch (error) {
      db.close();
      throw error;
    }
  }

  createSweep(name: string, spec: SweepSpec): string {
    const id = randomUUID();
    const valid = parseOrThrow(sweepSpecSchema, spec, 'spec');
    this.write('save the sweep', () => this.sweeps.insert(id, name, valid, now()));
    return id;
  }

  /** Records a queued run; the configuration is validated (ValidationError) and stored normalised. */
  createRun(input: { config: RunConfig; name: string; sweepId?: string | null; params?: Record<string, unknown> }): string {
    const id = randomUUID();
    const config = parseOrThrow(runConfigSchema, input.config, 'config');
    const sweepId = input.sweepId ?? null;
    this.write('save the new run', () => {
      if (sweepId !== null && !this.sweeps.exists(sweepId)) throw missingSweep(sweepId);
      this.runs.insert({ id, name: input.name, config, sweepId, params: input.params ?? {}, createdAt: now() });
    });
    return id;
  }

  markRunning(runId: string, totalSteps: number): void {
    this.write('mark the run running', () => requireRun(this.runs.start(runId, now(), totalSteps), runId));
  }

  /** Stores a batch in one transaction; indices already stored are kept as they are, so a re-sent batch is harmless. */
  appendCheckpoints(runId: string, firstIndex: number, checkpoints: readonly RunCheckpoint[]): void {
    if (checkpoints.length === 0) return;
    this.write('save checkpoints', () => {
      requireRun(this.runs.reach(runId, checkpoints[checkpoints.length - 1].step), runId);
      this.checkpoints.insert(runId, firstIndex, checkpoints);
    });
  }

  updateProgress(runId: string, steps: number): void {
    this.write('save progress', () => requireRun(this.runs.progress(runId, steps), runId));
  }

  /** Sets the final status and summary; what `outcome` leaves out is computed from the stored checkpoints (kept as they are). */
  finishRun(runId: string, status: RunStatus, outcome: FinishInput): void {
    this.write("save the run's result", () => this.finish(runId, status, outcome));
  }

  listRuns(): RunSummary[] {
    return this.runs.all().map(toSummary);
  }

  getRun(runId: string): RunDetail {
    const row = this.runs.detail(runId);
    if (!row) throw missingRun(runId);
    return toDetail(row);
  }

  getCheckpoints(runId: string): CheckpointSeries {
    if (!this.runs.summary(runId)) throw missingRun(runId);
    return this.checkpoints.series(runId);
  }

  updateRun(runId: string, patch: { name?: string; tags?: string[]; notes?: string; starred?: boolean }): RunSummary {
    return this.write("save the run's changes", () => {
      const fields = {
        name: patch.name ?? null,
        tags: patch.tags ? JSON.stringify([...new Set(patch.tags)]) : null,
        notes: patch.notes ?? null,
        starred: patch.starred === undefined ? null : patch.starred ? (1 as const) : (0 as const),
      };
      requireRun(this.runs.patch(runId, fields), runId);
      return toSummary(this.runs.summary(runId)!);
    });
  }

  /** Deletes runs with their checkpoints; unknown ids are skipped. Returns how many runs were deleted. */
  deleteRuns(runIds: string[]): number {
    return this.write('delete runs', () => this.runs.remove(runIds));
  }

  listSweeps(): SweepSummary[] {
    return this.sweeps.all();
  }

  getSweep(sweepId: string): { sweep: SweepSummary; runs: RunSummary[] } {
    const sweep = this.sweeps.get(sweepId);
    if (!sweep) throw missingSweep(sweepId);
    return { sweep, runs: this.runs.ofSweep(sweepId).map(toSummary) };
  }

  /** Result of PRAGMA integrity_check: 'ok', or the problems found, one a line. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('\n');
  }

  close(): void {
    this.db.close();
  }

  /** Runs `action` in one immediate transaction; storage failures become DatabaseWriteError, nothing half-written. */
  private write<T>(what: string, action: () => T): T {
    return guardWrite(this.file, what, () => this.db.transaction(action).immediate());
  }

  private finish(runId: string, status: RunStatus, outcome: FinishInput): void {
    const run = this.runs.progressOf(runId);
    if (!run) throw missingRun(runId);
    this.runs.finish(runId, status, finishColumns(outcome, this.checkpoints.last(runId), run, new Date()));
  }

  /** Runs left queued or running by a previous session that stopped (closed, crashed, killed) cannot resume. */
  private interruptUnfinished(): number {
    const ids = this.runs.unfinished();
    for (const id of ids) this.finish(id, 'interrupted', { durationMs: null, error: INTERRUPTED_ERROR });
    return ids.length;
  }
}

function now(): string {
  return new Date().toISOString();
}

/** Throws NotFoundError when a statement on the run changed no row. */
function requireRun(found: boolean, runId: string): void {
  if (!found) throw missingRun(runId);
}

/**
 * Opens (creating it and its folder when missing) the run database at `file`, or ':memory:'. A file that is not a
 * SQLite database, belongs to another program or is damaged throws DatabaseOpenError and is not modified; a database
 * from a newer app throws DatabaseTooNewError. Runs left 'queued' or 'running' are marked 'interrupted'.
 */
export function openStore(file: string, options: OpenOptions = {}): RunStore {
  return new RunStore(openDatabase(file, options), file);
}
