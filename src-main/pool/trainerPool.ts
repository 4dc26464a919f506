/**
 * Runs queued jobs in at most `size` trainer processes at once. A process that finished its run cleanly takes the next
 * one (starting a process costs more than a short run); a process that failed, crashed or ignored a cancel is killed,
 * so a crash touches only its own run and the pool goes on with the next job. Idle processes exit after a while.
 */
import { availableParallelism } from 'node:os';
import type { WireError } from '#shared/api/contract';
import { CancelTimeoutError, PoolClosedError, ProtocolError, toWireError, TrainerExitError } from '#shared/base/errors';
import { describeZodError, type RunConfig } from '#shared/config/schema';
import type { SessionSnapshot } from '#shared/run/snapshot';
import type { RunCheckpoint } from '#shared/run/types';
import { childMessageSchema, type ChildMessage, type ParentMessage, type TrainerOutcome } from '../trainer/protocol';
import type { ChildHandle, SpawnTrainer } from './forkTrainer';

/**
 * What the owner of a job hears. `finished` or `failed` ends a job, exactly once; a job cancelled while queued hears
 * nothing. A listener that throws fails its job (the process is killed): a run that cannot record its results stops.
 */
export interface PoolListener {
  started(totalSteps: number): void;
  checkpoints(firstIndex: number, checkpoints: RunCheckpoint[]): void;
  progress(progress: { step: number; tau: number; stepsPerSecond: number }): void;
  /** The session's whole state, after every checkpoint it recorded so far (only for owners that keep it). */
  state?(snapshot: SessionSnapshot, durationMs: number): void;
  finished(outcome: TrainerOutcome, durationMs: number): void;
  failed(error: WireError): void;
}

export interface PoolJob {
  runId: string;
  config: RunConfig;
  /** A saved state to go on from, instead of the run's first step. */
  resume?: SessionSnapshot;
}

export interface PoolOptions {
  spawn: SpawnTrainer;
  /** Processes at once; defaults to the number of cores. */
  size?: number;
  /** Least time between two progress reports of one job. */
  progressIntervalMs?: number;
  /** How long a cancelled process may take to stop before it is killed. */
  cancelGraceMs?: number;
  /** How long an idle process is kept for the next job. */
  idleMs?: number;
  /**
   * While it returns a promise, what the processes send (and their exits) waits, in order, until that promise
   * settles: the lab's import holds the database's write lock meanwhile (RunStore.mergeUnderway), and saving a
   * checkpoint then would block the event loop until the import commits.
   */
  hold?: () => Promise<unknown> | null;
}

interface QueuedJob extends PoolJob {
  listener: PoolListener;
}

/** One trainer process and the job it is running, if any. */
interface Worker {
  child: ChildHandle;
  job: ActiveJob | null;
  /** Ends an idle process that no job needed for a while. */
  idleTimer: NodeJS.Timeout | null;
  /** Killed: it takes no job and leaves the pool when it exits. */
  retired: boolean;
}

interface ActiveJob extends QueuedJob {
  worker: Worker;
  /** Set once finished or failed was reported: later messages and the exit are ignored. */
  over: boolean;
  /** Kills the process if it has not stopped within the grace period after a cancel. */
  cancelTimer: NodeJS.Timeout | null;
  lastProgressAt: number;
}

function exitMessage(code: number | null, signal: string | null): string {
  if (code !== null) return `trainer process exited with code ${code} before the run finished`;
  if (signal !== null) return `trainer process killed by ${signal}`;
  return 'trainer process could not start';
}

/** Longest time the pool handles held events (see PoolOptions.hold) before it lets the event loop turn. */
const DRAIN_SLICE_MS = 20;

/** Calls a listener whose failure can no longer fail its job. */
function tell(call: () => void): void {
  try {
    call();
  } catch (error) {
    console.error('trainer pool: a listener threw after its job ended', error);
  }
}

export class TrainerPool {
  private readonly queue: QueuedJob[] = [];
  /** Jobs running in a process, by run id. */
  private readonly active = new Map<string, ActiveJob>();
  /** Every process not yet exited, busy, idle or retired. */
  private readonly workers = new Set<Worker>();
  private readonly spawn: SpawnTrainer;
  private readonly size: number;
  private readonly progressIntervalMs: number;
  private readonly cancelGraceMs: number;
  private readonly idleMs: number;
  private readonly hold: () => Promise<unknown> | null;
  /** What the processes sent (messages, exits) and is not yet handled, in the order it came (see PoolOptions.hold). */
  private readonly held: Array<() => void> = [];
  /** Set while the held events wait for a hold to settle. */
  private waiting = false;
  private closed = false;
  /** Resolvers of close(), called once the last process has exited. */
  private readonly idleWaiters: Array<() => void> = [];

  constructor(options: PoolOptions) {
    this.spawn = options.spawn;
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.progressIntervalMs = options.progressIntervalMs ?? 50;
    this.cancelGraceMs = options.cancelGraceMs ?? 2000;
    this.idleMs = options.idleMs ?? 30_000;
    this.hold = options.hold ?? (() => null);
  }

  /** Jobs holding a process. */
  get running(): number {
    return this.active.size;
  }

  get queued(): number {
    return this.queue.length;
  }

  enqueue(job: PoolJob, listener: PoolListener): void {
    if (this.closed) throw new Error('the trainer pool is closed');
    if (this.active.has(job.runId) || this.queue.some((queued) => queued.runId === job.runId)) {
      throw new Error(`run ${job.runId} is already in the trainer pool`);
    }
    this.queue.push({ ...job, listener });
    this.pump();
  }

  /** Drops a queued job, or asks a running one to stop (killing it after the grace period); false if neither. */
  cancel(runId: string): boolean {
    const index = this.queue.findIndex((queued) => queued.runId === runId);
    if (index >= 0) {
      this.queue.splice(index, 1);
      return true;
    }
    const job = this.active.get(runId);
    if (!job || job.over) return false;
    if (job.cancelTimer) return true;
    this.send(job, { type: 'cancel' });
    job.cancelTimer = setTimeout(() => {
      this.fail(
        job,
        toWireError(
          new CancelTimeoutError(
            `trainer process did not stop within ${this.cancelGraceMs} ms of cancel and was killed`,
          ),
        ),
      );
    }, this.cancelGraceMs);
    return true;
  }

  /** Drops the queue, kills every process (their jobs fail) and resolves once all have exited. */
  close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    // What the processes sent before is handled first (their checkpoints saved, even if that waits for an import).
    this.waiting = false;
    this.drain();
    for (const worker of this.workers) {
      if (worker.job)
        this.fail(worker.job, toWireError(new PoolClosedError('the trainer pool closed before the run finished')));
      else this.retire(worker);
    }
    return new Promise((resolve) => {
      if (this.workers.size === 0) resolve();
      else this.idleWaiters.push(resolve);
    });
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      const idle = [...this.workers].find((worker) => !worker.job && !worker.retired);
      const worker = idle ?? (this.workers.size < this.size ? this.startWorker() : undefined);
      if (worker === undefined) return;
      const job = this.queue.shift() as QueuedJob;
      if ('error' in worker) tell(() => job.listener.failed(worker.error));
      else this.assign(worker, job);
    }
  }

  /** A new process, or why it could not be started. */
  private startWorker(): Worker | { error: WireError } {
    let child: ChildHandle;
    try {
      child = this.spawn();
    } catch (error) {
      return { error: toWireError(error) };
    }
    const worker: Worker = { child, job: null, idleTimer: null, retired: false };
    this.workers.add(worker);
    child.onMessage((raw) => this.inOrder(() => this.receive(worker, raw)));
    child.onExit((code, signal) => this.inOrder(() => this.exited(worker, code, signal ?? null)));
    return worker;
  }

  /** Handles what a process sent now, or after the events held before it and the hold of the moment, if any. */
  private inOrder(event: () => void): void {
    this.held.push(event);
    if (!this.waiting) this.drain();
  }

  /**
   * Handles the held events in order until a hold stops it, and goes on once that hold has settled; a backlog (what
   * came during an import) is handled DRAIN_SLICE_MS at a time, one turn of the event loop after the other. A closed
   * pool never waits.
   */
  private drain(): void {
    const sliceEnd = performance.now() + DRAIN_SLICE_MS;
    while (this.held.length > 0) {
      let until = this.closed ? null : this.hold();
      if (!until && !this.closed && performance.now() > sliceEnd)
        until = new Promise((resolve) => setImmediate(resolve));
      if (until) {
        this.waiting = true;
        const resume = () => {
          this.waiting = false;
          this.drain();
        };
        until.then(resume, resume);
        return;
      }
      this.held.shift()!();
    }
  }

  private assign(worker: Worker, job: QueuedJob): void {
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = null;
    const active: ActiveJob = { ...job, worker, over: false, cancelTimer: null, lastProgressAt: -Infinity };
    worker.job = active;
    this.active.set(job.runId, active);
    this.send(active, {
      type: 'start',
      runId: job.runId,
      config: job.config,
      ...(job.resume ? { resume: job.resume } : {}),
    });
  }

  private send(job: ActiveJob, message: ParentMessage): void {
    try {
      job.worker.child.send(message);
    } catch (error) {
      this.fail(job, toWireError(error));
    }
  }

  private receive(worker: Worker, raw: unknown): void {
    const job = worker.job;
    if (!job || job.over) return;
    const parsed = childMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.fail(
        job,
        toWireError(
          new ProtocolError(`trainer process sent an invalid message: ${describeZodError(parsed.error).message}`),
        ),
      );
      return;
    }
    try {
      this.deliver(job, parsed.data);
    } catch (error) {
      this.fail(job, toWireError(error));
    }
  }

  private deliver(job: ActiveJob, message: ChildMessage): void {
    switch (message.type) {
      case 'started':
        return job.listener.started(message.totalSteps);
      case 'checkpoints':
        return job.listener.checkpoints(message.firstIndex, message.checkpoints);
      case 'state':
        return job.listener.state?.(message.snapshot, message.durationMs);
      case 'progress': {
        const now = performance.now();
        if (now - job.lastProgressAt < this.progressIntervalMs) return;
        job.lastProgressAt = now;
        return job.listener.progress({ step: message.step, tau: message.tau, stepsPerSecond: message.stepsPerSecond });
      }
      case 'finished':
        this.release(job);
        tell(() => job.listener.finished(message.outcome, message.durationMs));
        return this.pump();
      case 'error':
        return this.fail(job, message.error);
    }
  }

  /** Ends a job whose process reported a clean end: the process waits for the next job. */
  private release(job: ActiveJob): void {
    this.settle(job);
    const worker = job.worker;
    worker.job = null;
    if (this.closed) return this.retire(worker);
    worker.idleTimer = setTimeout(() => this.retire(worker), this.idleMs);
    worker.idleTimer.unref?.();
  }

  private settle(job: ActiveJob): void {
    job.over = true;
    if (job.cancelTimer) clearTimeout(job.cancelTimer);
    this.active.delete(job.runId);
  }

  /** Kills a process; it keeps its place in the pool until it has exited. */
  private retire(worker: Worker): void {
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = null;
    worker.retired = true;
    worker.child.kill();
  }

  private fail(job: ActiveJob, error: WireError): void {
    if (job.over) return;
    this.settle(job);
    job.worker.job = null;
    this.retire(job.worker);
    tell(() => job.listener.failed(error));
  }

  private exited(worker: Worker, code: number | null, signal: string | null): void {
    if (worker.job) this.fail(worker.job, toWireError(new TrainerExitError(exitMessage(code, signal))));
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    this.workers.delete(worker);
    this.pump();
    if (this.workers.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}
