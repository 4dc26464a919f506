/**
 * Runs handed to the trainer pool and not yet ended: each one's checkpoints are saved before they are announced,
 * its progress is announced (and saved now and then), and its end is saved and announced exactly once.
 */
import type { ResumeResult, RunStatus } from '#shared/api/contract';
import { errorMessage } from '#shared/base/errors';
import { totalSteps } from '#shared/config/schema';
import type { VerifyResult } from '#shared/run/verify';
import type { RunConfig } from '#shared/config/schema';
import type { SessionSnapshot } from '#shared/run/snapshot';
import { packCheckpoints } from '#shared/run/series';
import type { PoolListener, TrainerPool } from '../pool/trainerPool';
import type { RunStore } from '../store';
import type { FinishInput } from '../store/finish';
import type { EventHub } from './eventHub';
import { verifyRun } from './verify';

/** Least time between two saves of a run's step count (the events carry every progress report). */
const PROGRESS_SAVE_INTERVAL_MS = 1000;

interface LiveRun {
  runId: string;
  status: 'queued' | 'running';
  totalSteps: number;
  /** Loss at the latest checkpoint. */
  loss: number | null;
  /** The user asked to stop it: however it ends now, it ends cancelled. */
  cancelRequested: boolean;
  progressSavedAt: number;
  /** Training time spent on the run before this start (a resumed run's earlier processes). */
  earlierMs: number;
}

/** Where a resumed run goes on from: its saved state and the training time already spent on it. */
export interface ResumePoint {
  snapshot: SessionSnapshot;
  durationMs: number;
}

export class LiveRuns {
  private readonly runs = new Map<string, LiveRun>();
  private closing = false;

  constructor(
    private readonly store: RunStore,
    private readonly pool: TrainerPool,
    private readonly hub: EventHub,
  ) {}

  /** 'queued' or 'running' while the run is live, undefined once it ended. */
  statusOf(runId: string): LiveRun['status'] | undefined {
    return this.runs.get(runId)?.status;
  }

  /** Queues a run, from its first step or from `resume`. */
  submit(runId: string, config: RunConfig, totalSteps: number, resume?: ResumePoint | null): void {
    const earlierMs = resume?.durationMs ?? 0;
    const run: LiveRun = {
      runId,
      status: 'queued',
      totalSteps,
      loss: null,
      cancelRequested: false,
      progressSavedAt: -Infinity,
      earlierMs,
    };
    this.runs.set(runId, run);
    this.hub.emit('run:status', { runId, status: 'queued', error: null });
    try {
      this.pool.enqueue({ runId, config, ...(resume ? { resume: resume.snapshot } : {}) }, this.listener(run));
    } catch (error) {
      this.end(run, 'failed', { error: errorMessage(error) });
      throw error;
    }
  }

  /**
   * Queues a cancelled, failed or interrupted run again, from its last saved state (see RunStore.prepareResume, which
   * refuses a live run: its stored status is queued or running).
   */
  resume(runId: string): ResumeResult {
    const { config, resume, durationMs } = this.store.prepareResume(runId);
    this.submit(runId, config, totalSteps(config), resume ? { snapshot: resume, durationMs } : null);
    return { runId, fromStep: resume?.trainer.step ?? 0, fromCheckpoint: resume?.recorded ?? 0 };
  }

  /** Trains a stored run again in the pool and compares it with what is stored (see verify.ts). */
  async verify(runId: string): Promise<VerifyResult> {
    return verifyRun(this.store, this.pool, runId);
  }

  /** A queued run ends cancelled at once; a running one is asked to stop and ends when its process reports. */
  cancel(runId: string): boolean {
    const run = this.runs.get(runId);
    if (!run || run.cancelRequested || !this.pool.cancel(runId)) return false;
    run.cancelRequested = true;
    if (run.status === 'queued') this.end(run, 'cancelled', {});
    return true;
  }

  /** Stops the pool; runs still live end 'interrupted'. */
  async close(): Promise<void> {
    this.closing = true;
    await this.pool.close();
    for (const run of [...this.runs.values()])
      this.end(run, 'interrupted', { error: 'the lab closed before the run started' });
  }

  private listener(run: LiveRun): PoolListener {
    const { runId } = run;
    return {
      started: (totalSteps) => {
        this.store.markRunning(runId, totalSteps);
        run.status = 'running';
        run.totalSteps = totalSteps;
        this.hub.emit('run:status', { runId, status: 'running', error: null });
      },
      checkpoints: (firstIndex, checkpoints) => {
        this.store.appendCheckpoints(runId, firstIndex, checkpoints);
        run.loss = checkpoints[checkpoints.length - 1].loss;
        if (this.hub.heard('run:checkpoints'))
          this.hub.emit('run:checkpoints', { runId, firstIndex, series: packCheckpoints(runId, checkpoints) });
      },
      progress: ({ step, tau, stepsPerSecond }) => {
        const now = performance.now();
        if (now - run.progressSavedAt >= PROGRESS_SAVE_INTERVAL_MS) {
          this.store.updateProgress(runId, step);
          run.progressSavedAt = now;
        }
        const etaSeconds = stepsPerSecond > 0 ? Math.max(0, run.totalSteps - step) / stepsPerSecond : null;
        this.hub.emit('run:progress', {
          runId,
          status: 'running',
          step,
          totalSteps: run.totalSteps,
          tau,
          loss: run.loss,
          stepsPerSecond,
          etaSeconds,
        });
      },
      state: (snapshot, durationMs) => this.store.saveRunState(runId, snapshot, run.earlierMs + durationMs),
      finished: ({ status, ...outcome }, durationMs) =>
        this.end(run, status, { ...outcome, durationMs: run.earlierMs + durationMs }),
      failed: (error) => {
        const status = run.cancelRequested ? 'cancelled' : this.closing ? 'interrupted' : 'failed';
        this.end(run, status, { error: error.message });
      },
    };
  }

  /** Saves and announces the end of a run; a failed save is reported in the event, never thrown. */
  private end(run: LiveRun, status: RunStatus, input: FinishInput): void {
    this.runs.delete(run.runId);
    let error = input.error ?? null;
    try {
      this.store.finishRun(run.runId, status, input);
    } catch (saveError) {
      error = [error, errorMessage(saveError)].filter(Boolean).join('; ');
    }
    this.hub.emit('run:status', { runId: run.runId, status, error });
  }
}
