/**
 * Runs queued jobs in at most `size` trainer processes at once, one fresh process per run, so a crash touches only
 * its own run and the pool goes on with the next job.
 */
import { availableParallelism } from 'node:os';
import type { WireError } from '../../src-shared/api/contract';
import { toWireError } from '../../src-shared/api/errors';
import { describeZodError, type RunConfig } from '../../src-shared/config/schema';
import type { RunCheckpoint } from '../../src-shared/run/types';
import { childMessageSchema, type ChildMessage, type ParentMessage, type TrainerOutcome } from '../trainer/protocol';
import type { ChildHandle, SpawnTrainer } from './fork-trainer';

/**
 * What the owner of a job hears. `finished` or `failed` ends a job, exactly once; a job cancelled while queued hears
 * nothing. A listener that throws fails its job (the process is killed): a run that cannot record its results stops.
 */
export interface PoolListener {
  started(totalSteps: number): void;
  checkpoints(firstIndex: number, checkpoints: RunCheckpoint[]): void;
  progress(progress: { step: number; tau: number; stepsPerSecond: number }): void;
  finished(outcome: TrainerOutcome, durationMs: number): void;
  failed(error: WireError): void;
}

export interface PoolJob {
  runId: string;
  config: RunConfig;
}

export interface PoolOptions {
  spawn: SpawnTrainer;
  /** Processes at once; defaults to the number of cores. */
  size?: number;
  /** Least time between two progress reports of one job. */
  progressIntervalMs?: number;
  /** How long a cancelled process may take to stop before it is killed. */
  cancelGraceMs?: number;
}

interface QueuedJob extends PoolJob {
  listener: PoolListener;
}

interface ActiveJob extends QueuedJob {
  child: ChildHandle;
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
  /** Jobs holding a process, until that process has exited. */
  private readonly active = new Map<string, ActiveJob>();
  private readonly spawn: SpawnTrainer;
  private readonly size: number;
  private readonly progressIntervalMs: number;
  private readonly cancelGraceMs: number;
  private closed = false;
  /** Resolvers of close(), called once the last process has exited. */
  private readonly idleWaiters: Array<() => void> = [];

  constructor(options: PoolOptions) {
    this.spawn = options.spawn;
    this.size = Math.max(1, options.size ?? availableParallelism());
    this.progressIntervalMs = options.progressIntervalMs ?? 50;
    this.cancelGraceMs = options.cancelGraceMs ?? 2000;
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
      this.fail(job, { name: 'CancelTimeoutError', message: `trainer process did not stop within ${this.cancelGraceMs} ms of cancel and was killed` });
    }, this.cancelGraceMs);
    return true;
  }

  /** Drops the queue, kills every process (their jobs fail) and resolves once all have exited. */
  close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    for (const job of this.active.values()) this.fail(job, { name: 'PoolClosedError', message: 'the trainer pool closed before the run finished' });
    return new Promise((resolve) => {
      if (this.active.size === 0) resolve();
      else this.idleWaiters.push(resolve);
    });
  }

  private pump(): void {
    while (!this.closed && this.active.size < this.size && this.queue.length > 0) this.launch(this.queue.shift() as QueuedJob);
  }

  private launch(job: QueuedJob): void {
    let child: ChildHandle;
    try {
      child = this.spawn();
    } catch (error) {
      tell(() => job.listener.failed(toWireError(error)));
      return;
    }
    const active: ActiveJob = { ...job, child, over: false, cancelTimer: null, lastProgressAt: -Infinity };
    this.active.set(job.runId, active);
    child.onMessage((raw) => this.receive(active, raw));
    child.onExit((code, signal) => this.exited(active, code, signal ?? null));
    this.send(active, { type: 'start', runId: job.runId, config: job.config });
  }

  private send(job: ActiveJob, message: ParentMessage): void {
    try {
      job.child.send(message);
    } catch (error) {
      this.fail(job, toWireError(error));
    }
  }

  private receive(job: ActiveJob, raw: unknown): void {
    if (job.over) return;
    const parsed = childMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.fail(job, { name: 'ProtocolError', message: `trainer process sent an invalid message: ${describeZodError(parsed.error).message}` });
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
      case 'progress': {
        const now = performance.now();
        if (now - job.lastProgressAt < this.progressIntervalMs) return;
        job.lastProgressAt = now;
        return job.listener.progress({ step: message.step, tau: message.tau, stepsPerSecond: message.stepsPerSecond });
      }
      case 'finished':
        this.end(job);
        return tell(() => job.listener.finished(message.outcome, message.durationMs));
      case 'error':
        return this.fail(job, message.error);
    }
  }

  /** Ends a job: its process is no longer needed (or no longer trusted). */
  private end(job: ActiveJob): void {
    job.over = true;
    if (job.cancelTimer) clearTimeout(job.cancelTimer);
    job.child.kill();
  }

  private fail(job: ActiveJob, error: WireError): void {
    if (job.over) return;
    this.end(job);
    tell(() => job.listener.failed(error));
  }

  private exited(job: ActiveJob, code: number | null, signal: string | null): void {
    this.fail(job, { name: 'TrainerExitError', message: exitMessage(code, signal) });
    this.active.delete(job.runId);
    this.pump();
    if (this.active.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
}
