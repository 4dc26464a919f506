/**
 * One run inside a trainer process: the session advances in chunks of about CHUNK_MS and the process yields to its
 * event loop between chunks, so a cancel message is handled within one chunk.
 */
import { toWireError } from '#shared/base/errors';
import type { RunConfig } from '#shared/config/schema';
import type { SessionSnapshot } from '#shared/run/snapshot';
import type { RunCheckpoint, RunSession } from '#shared/run/types';
import type { ParentChannel } from './channel';
import { CheckpointBatch } from './checkpointBatch';
import type { TrainerOutcome } from './protocol';

/** Wall time one chunk of steps aims at. */
export const CHUNK_MS = 30;
/** Least time between two progress messages (20 per second). */
export const PROGRESS_INTERVAL_MS = 50;
/** Least time between two saved states: an interrupted run loses at most about this much work. */
export const STATE_INTERVAL_MS = 5000;

export type CreateSession = (
  config: RunConfig,
  onCheckpoint: (checkpoint: RunCheckpoint) => void,
  resume?: SessionSnapshot,
) => RunSession;

/** TTLAB_STATE_INTERVAL_MS (milliseconds, 0 = after every chunk, for tests), or STATE_INTERVAL_MS. */
export function parseStateInterval(value: string | undefined): number {
  if (value === undefined || value === '') return STATE_INTERVAL_MS;
  const interval = Number(value);
  if (!(Number.isFinite(interval) && interval >= 0))
    throw new Error(`TTLAB_STATE_INTERVAL_MS: must be a number of milliseconds, got ${JSON.stringify(value)}`);
  return interval;
}

/** Test-only faults injected after the first checkpoint batch: throw inside the run, or exit the process with code 3. */
export type Fault = 'throw' | 'exit' | null;

export function parseFault(value: string | undefined): Fault {
  return value === 'throw' || value === 'exit' ? value : null;
}

/** Steps for the next chunk so that it lasts about CHUNK_MS; the budget changes by at most 4x at a time. */
export function nextBudget(budget: number, elapsedMs: number): number {
  const scale = Math.min(4, Math.max(0.25, CHUNK_MS / Math.max(elapsedMs, 0.01)));
  return Math.max(1, Math.round(budget * scale));
}

export class TrainerRun {
  /** Trainer steps of the next chunk. */
  private budget = 1;
  private cancelRequested = false;
  /** Set once the run has reported its end (or a fault stopped it): no chunk runs after that. */
  private stopped = false;
  /** Set by the test-only exit fault. */
  private exiting = false;
  private readonly startedAt = performance.now();
  /** Time and step of the last progress message, the base of stepsPerSecond. */
  private lastProgress = { at: this.startedAt, step: 0 };
  /** When the session's state was last sent. */
  private stateSentAt = this.startedAt;
  /** Checkpoints not sent yet; a resumed run's series goes on from the checkpoints its state follows. */
  private readonly batch: CheckpointBatch;

  constructor(
    private readonly channel: ParentChannel,
    private fault: Fault,
    private readonly stateIntervalMs = STATE_INTERVAL_MS,
    /** A state sent earlier by a run of the same configuration, to go on from. */
    private readonly resume?: SessionSnapshot,
  ) {
    this.batch = new CheckpointBatch(resume?.recorded ?? 0, (firstIndex, checkpoints) => {
      // An injected exit has been decided: the process says nothing more.
      if (this.exiting) return;
      channel.send({ type: 'checkpoints', firstIndex, checkpoints });
      this.injectFault();
    });
  }

  /** Starts the run from its beginning, or from the state given to the constructor. */
  start(config: RunConfig, createSession: CreateSession): void {
    let session: RunSession;
    try {
      session = createSession(config, (checkpoint) => this.batch.add(checkpoint), this.resume);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.channel.send({ type: 'started', totalSteps: session.totalSteps });
    setImmediate(() => this.chunk(session));
  }

  cancel(): void {
    this.cancelRequested = true;
  }

  /** True once the run has reported its end: the process may take another run. */
  get ended(): boolean {
    return this.stopped;
  }

  private chunk(session: RunSession): void {
    if (this.stopped) return;
    try {
      if (this.cancelRequested) return this.finish(session, 'cancelled');
      const began = performance.now();
      const running = session.advance(this.budget);
      const now = performance.now();
      this.budget = nextBudget(this.budget, now - began);
      if (this.stopped) return;
      if (!running) return this.finish(session, session.outcome().status);
      this.batch.flushIfDue(now);
      if (now - this.stateSentAt >= this.stateIntervalMs) this.sendState(session, now);
      this.reportProgress(session, now);
      setImmediate(() => this.chunk(session));
    } catch (error) {
      this.fail(error);
    }
  }

  private reportProgress(session: RunSession, now: number): void {
    if (now - this.lastProgress.at < PROGRESS_INTERVAL_MS) return;
    const stepsPerSecond = ((session.step - this.lastProgress.step) * 1000) / (now - this.lastProgress.at);
    this.lastProgress = { at: now, step: session.step };
    this.channel.send({ type: 'progress', step: session.step, tau: session.tau, stepsPerSecond });
  }

  /** Sends every pending checkpoint, then the state that follows them. */
  private sendState(session: RunSession, now: number): void {
    this.batch.flush();
    this.stateSentAt = now;
    if (this.stopped) return;
    this.channel.send({ type: 'state', snapshot: session.snapshot(), durationMs: now - this.startedAt });
  }

  private finish(session: RunSession, status: TrainerOutcome['status']): void {
    // A cancelled run can be resumed from exactly where it stopped.
    if (status === 'cancelled' && session.status === 'running') this.sendState(session, performance.now());
    this.batch.flush();
    this.stopped = true;
    const outcome: TrainerOutcome = { ...session.outcome(), status };
    this.channel.send({ type: 'finished', outcome, durationMs: performance.now() - this.startedAt });
  }

  /** Reports an error after handing on the checkpoints gathered so far. */
  private fail(error: unknown): void {
    this.stopped = true;
    try {
      this.batch.flush();
    } catch {
      // The error being reported matters more than a batch that could not be sent.
    }
    this.channel.send({ type: 'error', error: toWireError(error) });
  }

  private injectFault(): void {
    const fault = this.fault;
    this.fault = null;
    if (fault === 'throw') throw new Error('injected fault: TTLAB_TRAINER_FAULT=throw');
    if (fault === 'exit') {
      this.stopped = true;
      this.exiting = true;
      // Leave time for the batch just sent to reach the parent.
      setTimeout(() => process.exit(3), 100);
    }
  }
}
