/** RunStore: every run, sweep and checkpoint of the lab in one SQLite file. */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  RESUMABLE_STATUSES,
  type CheckpointSeries,
  type RunDetail,
  type RunStatus,
  type RunSummary,
  type SweepSummary,
} from '#shared/api/contract';
import { NotFoundError, RunStateError } from '#shared/base/errors';
import { parseOrThrow, runConfigSchema, sweepSpecSchema, type RunConfig, type SweepSpec } from '#shared/config/schema';
import { provenanceSchema, type Provenance } from '#shared/run/provenance';
import type { SessionSnapshot } from '#shared/run/snapshot';
import type { RunCheckpoint } from '#shared/run/types';
import { machineProvenance, runProvenance } from '../provenance/collect';
import { backupDatabase } from './backup';
import { checkpointStatements } from './checkpoints';
import { openDatabase, type OpenOptions } from './connection';
import { guardWrite } from './errors';
import { finishColumns, type FinishInput } from './finish';
import { scanImportFiles } from './importScan';
import { mergeDatabases } from './mergeCopy';
import type { MergeCounts } from './mergeDatabase';
import { mergeOnThread } from './mergeThread';
import { claimOwner, currentHere, isAbandoned, type OwnerClaim } from './ownership';
import { toDetail, toSummary } from './runRows';
import { runStateStatements } from './runStates';
import { decodeState, encodeState } from './stateCodec';
import { parseStoredJson } from './storedJson';
import { runStatements } from './runs';
import type { SeriesOptions } from './seriesRead';
import { statsStatement, type StoreStats } from './stats';
import { sweepStatements } from './sweeps';

const INTERRUPTED_ERROR = 'the lab stopped before this run finished';

const missingRun = (runId: string) => new NotFoundError(`run ${runId} not found`);
const missingSweep = (sweepId: string) => new NotFoundError(`sweep ${sweepId} not found`);

/** The lab's runs, sweeps and checkpoints in one SQLite database; every write is one transaction. */
export class RunStore {
  /**
   * How many queued or running runs of gone processes were marked interrupted when the store opened (see
   * ownership.ts); read by tests.
   */
  readonly interruptedOnOpen: number;
  private readonly runs;
  private readonly checkpoints;
  private readonly sweeps;
  private readonly counts;
  private readonly states;
  /** Bytes the stored checkpoints of a JSON array of run ids take together (see storedCheckpointBytes). */
  private readonly checkpointBytesOf;
  /** This store's identity in the runs it creates and starts. */
  private readonly claim: OwnerClaim;
  /** Imports whose merge thread is under way (importFiles): each may hold the database's write lock. */
  private readonly merges = new Set<Promise<unknown>>();

  /**
   * Takes a connection made by openDatabase (openStore does both) and owns it from then on; `options.nativeBinding`
   * serves the connections the store opens later (the
   * import's scan and merge threads).
   */
  constructor(
    private readonly db: Database.Database,
    readonly file: string,
    private readonly options: Pick<OpenOptions, 'nativeBinding'> = {},
  ) {
    this.runs = runStatements(db);
    this.checkpoints = checkpointStatements(db);
    this.sweeps = sweepStatements(db);
    this.counts = statsStatement(db);
    this.states = runStateStatements(db);
    this.checkpointBytesOf = db
      .prepare<[string], number>(
        'SELECT coalesce(sum(length(a) + length(u) + 40), 0) FROM checkpoints WHERE run_id IN (SELECT value FROM json_each(?))',
      )
      .pluck();
    this.claim = claimOwner();
    try {
      this.interruptedOnOpen = db.readonly
        ? 0
        : this.write('mark unfinished runs interrupted', () => this.interruptAbandoned());
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /**
   * Records a sweep. A cluster plan fixes `id` and `createdAt` for all its shards, so that their copies of the sweep
   * are the very same row and merge into one; otherwise a new UUID and now.
   */
  createSweep(name: string, spec: SweepSpec, id: string = randomUUID(), createdAt: string = now()): string {
    const valid = parseOrThrow(sweepSpecSchema, spec, 'spec');
    this.write('save the sweep', () => this.sweeps.insert(id, name, valid, createdAt));
    return id;
  }

  /** Records a queued run; the configuration is validated (ValidationError) and stored normalised. */
  createRun(input: {
    config: RunConfig;
    name: string;
    sweepId?: string | null;
    params?: Record<string, unknown>;
    id?: string;
  }): string {
    const id = input.id ?? randomUUID();
    const config = parseOrThrow(runConfigSchema, input.config, 'config');
    const sweepId = input.sweepId ?? null;
    this.write('save the new run', () => {
      if (sweepId !== null && !this.sweeps.exists(sweepId)) throw missingSweep(sweepId);
      this.runs.insert({
        id,
        name: input.name,
        config,
        sweepId,
        params: input.params ?? {},
        createdAt: now(),
        owner: this.claim.owner,
        provenance: provenanceJson(config),
      });
    });
    return id;
  }

  /**
   * Records queued runs of the sweep `sweepId` in one transaction: one chunk of a sweep being created. The
   * configurations come from sweepRuns, which has validated each one. Returns the new ids in order.
   */
  createSweepRuns(
    sweepId: string,
    runs: ReadonlyArray<{ config: RunConfig; name: string; params: Record<string, unknown> }>,
  ): string[] {
    const createdAt = now();
    return this.write("save the sweep's runs", () => {
      if (!this.sweeps.exists(sweepId)) throw missingSweep(sweepId);
      return runs.map((run) => {
        const id = randomUUID();
        this.runs.insert({
          id,
          name: run.name,
          config: run.config,
          sweepId,
          params: run.params,
          createdAt,
          owner: this.claim.owner,
          provenance: provenanceJson(run.config),
        });
        return id;
      });
    });
  }

  /** Deletes a sweep with its runs and their checkpoints (a sweep whose creation failed); returns how many runs went. */
  deleteSweep(sweepId: string): number {
    return this.write('delete the sweep', () => this.sweeps.removeWithRuns(sweepId));
  }

  /** Marks the run running, owned by this store from now on. */
  markRunning(runId: string, totalSteps: number): void {
    this.write('mark the run running', () =>
      requireRun(this.runs.start(runId, now(), totalSteps, this.claim.owner), runId),
    );
  }

  /** Stores a batch in one transaction; indices already stored are kept as they are, so a re-sent batch is harmless. */
  appendCheckpoints(runId: string, firstIndex: number, checkpoints: readonly RunCheckpoint[]): void {
    if (checkpoints.length === 0) return;
    this.write('save checkpoints', () => {
      requireRun(this.runs.reach(runId, checkpoints[checkpoints.length - 1].step, now()), runId);
      this.checkpoints.insert(runId, firstIndex, checkpoints);
    });
  }

  /**
   * Saves the state of a running run, taken after its first `snapshot.recorded` checkpoints (all stored by now), with
   * the training time spent on it so far. It replaces the previous state; a run that is no longer running keeps its own.
   */
  saveRunState(runId: string, snapshot: SessionSnapshot, durationMs: number): void {
    const state = encodeState(snapshot);
    this.write("save the run's state", () => {
      if (this.states.statusOf(runId) !== 'running') return;
      this.states.save(runId, snapshot.recorded, state, durationMs, now());
    });
  }

  /**
   * Puts a cancelled, failed or interrupted run back in the queue, from its saved state: the checkpoints stored after
   * that state are dropped (the resumed run records them again, bit for bit), and the resuming process is added to
   * its provenance. Without a usable state it starts over from its first step. RunStateError for other runs.
   */
  prepareResume(runId: string): { config: RunConfig; resume: SessionSnapshot | null; durationMs: number } {
    return this.write('prepare the run to resume', () => {
      const status = this.states.statusOf(runId);
      if (status === undefined) throw missingRun(runId);
      if (!RESUMABLE.has(status)) throw new RunStateError(resumeRefusal(runId, status));
      const { config } = this.getRun(runId);
      const stored = this.states.load(runId);
      let resume: SessionSnapshot | null = null;
      if (stored) {
        try {
          resume = decodeState(stored.state);
        } catch {
          // A state this build cannot read (damaged, or an older layout) only costs the work it held.
          resume = null;
        }
      }
      this.states.dropCheckpointsFrom(runId, resume ? stored!.checkpointCount : 0);
      if (!resume) this.states.remove(runId);
      this.addResume(runId, config);
      this.states.reopen(runId, this.claim.owner, now());
      return { config, resume, durationMs: resume ? stored!.durationMs : 0 };
    });
  }

  /** The run's provenance, null when it was stored before provenance was recorded. */
  getProvenance(runId: string): Provenance | null {
    const json = this.states.provenanceOf(runId);
    if (json === undefined) throw missingRun(runId);
    return json === null ? null : parseStoredJson(provenanceSchema, json, `run ${runId}`, 'provenance');
  }

  updateProgress(runId: string, steps: number): void {
    this.write('save progress', () => requireRun(this.runs.progress(runId, steps, now()), runId));
  }

  /** Sets the final status and summary; what `outcome` leaves out is computed from the stored checkpoints (kept as they are). */
  finishRun(runId: string, status: RunStatus, outcome: FinishInput): void {
    this.write("save the run's result", () => this.finish(runId, status, outcome));
  }

  /**
   * Runs newest first: all, or a page of at most `limit` runs following the run `before` (the previous page's last
   * run). Pages asked for one after the other hold every run once. NotFoundError when `before` is not a run.
   */
  listRuns(page: { limit?: number; before?: string } = {}): RunSummary[] {
    if (page.before !== undefined && !this.runs.summary(page.before))
      throw new NotFoundError(`before: run ${page.before} not found`);
    return this.runs.list(page.limit ?? -1, page.before).map(toSummary);
  }

  getRun(runId: string): RunDetail {
    const row = this.runs.detail(runId);
    if (!row) throw missingRun(runId);
    return toDetail(row);
  }

  /** Full records of `runIds`, in that order; NotFoundError names the first unknown id. */
  getRunDetails(runIds: readonly string[]): RunDetail[] {
    const rows = new Map(this.runs.details(runIds).map((row) => [row[0], row]));
    return runIds.map((runId) => {
      const row = rows.get(runId);
      if (!row) throw missingRun(runId);
      return toDetail(row);
    });
  }

  /** Bytes the stored checkpoints of `runIds` take together (their neuron blobs and scalar columns). */
  storedCheckpointBytes(runIds: readonly string[]): number {
    return this.checkpointBytesOf.get(JSON.stringify(runIds)) as number;
  }

  /** The run's checkpoints, all or thinned, with both per-neuron columns or the ones asked for (see SeriesOptions). */
  getCheckpoints(runId: string, options: SeriesOptions = {}): CheckpointSeries {
    if (!this.runs.summary(runId)) throw missingRun(runId);
    return this.checkpoints.series(runId, options);
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

  /**
   * What another thread or process needs to open this database itself (the merge thread, the render process): its
   * file and better-sqlite3 build; null for an in-memory database, which exists only on this connection.
   */
  sharedDatabase(): { file: string; nativeBinding?: string } | null {
    return this.db.memory ? null : { file: this.file, nativeBinding: this.options.nativeBinding };
  }

  /** Writes a consistent copy of the whole database to `target`, a file that must not exist yet (VACUUM INTO). */
  backup(target: string): void {
    backupDatabase(this.db, this.file, target);
  }

  /**
   * Checks import sources off the event loop before importFiles copies them (see importScan.ts):
   * rejects with the first problem, or when reading them takes longer than `timeoutMs`.
   */
  checkImports(files: readonly string[], timeoutMs?: number): Promise<void> {
    return scanImportFiles(files, { nativeBinding: this.options.nativeBinding, timeoutMs });
  }

  /**
   * Imports other lab databases: every file checked off the event loop (checkImports), then merged as mergeFrom does,
   * on a worker thread with its own connection to this database (see mergeThread.ts): this connection goes on
   * reading meanwhile, and a write on it would wait (busy timeout, blocking the event loop) for the merge's one
   * transaction to commit, so the lab's writes wait for it asynchronously first (whenWritable, mergeUnderway).
   */
  async importFiles(files: readonly string[]): Promise<MergeCounts> {
    await this.checkImports(files);
    // Same-thread fallback for an in-memory database, which no other connection can open (tests).
    if (this.db.memory) return this.mergeFrom(files);
    const merge = mergeOnThread(this.file, files, {
      nativeBinding: this.options.nativeBinding,
      readonly: this.db.readonly,
    });
    this.merges.add(merge);
    try {
      return await merge;
    } finally {
      this.merges.delete(merge);
    }
  }

  /**
   * While an import's merge thread may hold this database's write lock (importFiles): a promise that settles once
   * every such import has ended; null when none is under way. A write made before then waits for the import's commit,
   * blocking the thread that makes it, so the trainer pool keeps what its processes send until then (PoolOptions.hold).
   */
  mergeUnderway(): Promise<unknown> | null {
    return this.merges.size === 0 ? null : Promise.allSettled(this.merges);
  }

  /**
   * Calls `action` (a write) now when no import's merge is under way, else once none is (those that start meanwhile
   * included), and then returns its result as a promise: the caller waits without blocking the event loop, where a
   * write made during the merge would wait for its commit in SQLite's busy timeout. The lab's API methods that write
   * go through here (service/handlers.ts); reads never wait.
   */
  whenWritable<T>(action: () => T | Promise<T>): T | Promise<T> {
    const underway = this.mergeUnderway();
    return underway ? underway.then(() => this.whenWritable(action)) : action();
  }

  /**
   * Merges the lab databases `files` (shards of a cluster sweep, say) in one transaction, on this thread: a file that
   * is refused (foreign, damaged, newer, invalid rows) throws and nothing at all is written. Each file is opened
   * read-only after the same checks as openStore and never written. The runs and sweeps this database lacks (matched
   * by id) are added with their checkpoints byte for byte and their provenance; a run stored here unfinished is
   * replaced by a copy that has its result; imported runs that were still queued or running there arrive
   * 'interrupted'. See MergeCounts for what is counted, and mergeCopy.ts.
   */
  mergeFrom(files: readonly string[]): MergeCounts {
    return mergeDatabases(this.db, this.file, files, this.options.nativeBinding);
  }

  /** How many runs and checkpoints the store holds, and its size in bytes; read by tests. */
  stats(): StoreStats {
    return this.counts();
  }

  /** Result of PRAGMA integrity_check: 'ok', or the problems found, one a line; read by tests. */
  integrityCheck(): string {
    return (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join('\n');
  }

  /** Closes the connection; runs this store left queued or running count as abandoned from then on. */
  close(): void {
    this.claim.release();
    this.db.close();
  }

  /** Runs `action` in one immediate transaction; storage failures become DatabaseWriteError, nothing half-written. */
  private write<T>(what: string, action: () => T): T {
    return guardWrite(this.file, what, () => this.db.transaction(action).immediate());
  }

  /** Appends this process to the provenance of a run it resumes (a run from before provenance gets one now). */
  private addResume(runId: string, config: RunConfig): void {
    const stored = this.getProvenance(runId);
    const resumes = stored ? [...stored.resumes, { ...machineProvenance(), at: now() }] : [];
    const provenance: Provenance = stored ? { ...stored, resumes } : runProvenance(config);
    this.states.setProvenance(runId, JSON.stringify(provenance));
  }

  private finish(runId: string, status: RunStatus, outcome: FinishInput): void {
    const run = this.runs.progressOf(runId);
    if (!run) throw missingRun(runId);
    // A run that reached its end has nothing left to resume.
    if (status === 'done' || status === 'diverged') this.states.remove(runId);
    this.runs.finish(runId, status, finishColumns(outcome, this.checkpoints.last(runId), run, new Date()));
  }

  /** Runs left queued or running by a store that is gone (closed, crashed, killed) cannot resume; live ones are left alone. */
  private interruptAbandoned(): number {
    const here = currentHere();
    const ids = this.runs
      .unfinished()
      .filter((run) => isAbandoned(run.owner, run.touchedAt, here))
      .map((run) => run.id);
    this.interrupt(ids, INTERRUPTED_ERROR);
    return ids.length;
  }

  /** Ends the runs as 'interrupted' with `error`, their summaries computed from their checkpoints. */
  private interrupt(runIds: readonly string[], error: string): void {
    for (const id of runIds) this.finish(id, 'interrupted', { durationMs: null, error });
  }
}

function now(): string {
  return new Date().toISOString();
}

const RESUMABLE = new Set<string>(RESUMABLE_STATUSES);

function resumeRefusal(runId: string, status: string): string {
  const why =
    status === 'done' || status === 'diverged'
      ? 'it reached its end, there is nothing to resume'
      : 'only a cancelled, failed or interrupted run can be resumed';
  return `run ${runId} is ${status}: ${why}`;
}

const provenanceJson = (config: RunConfig): string => JSON.stringify(runProvenance(config));

/** Throws NotFoundError when a statement on the run changed no row. */
function requireRun(found: boolean, runId: string): void {
  if (!found) throw missingRun(runId);
}

/**
 * Opens (creating it and its folder when missing) the run database at `file`, or ':memory:'. A file that is not a
 * SQLite database, belongs to another program or is damaged throws DatabaseOpenError and is not modified; a database
 * from a newer app throws DatabaseTooNewError. Runs left 'queued' or 'running' by a process that is gone are marked
 * 'interrupted' (see ownership.ts); those of another live process sharing the file are left as they are.
 */
export function openStore(file: string, options: OpenOptions = {}): RunStore {
  return new RunStore(openDatabase(file, options), file, options);
}
