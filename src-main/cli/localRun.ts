/**
 * One run in this process (the fastest path for a single run): the session in ~50 ms chunks, checkpoints saved in
 * batches and the session's state every few seconds (so a run killed with the process resumes with `ttlab resume`),
 * Ctrl-C ends the run as cancelled with its checkpoints and state kept.
 */
import { errorMessage } from '#shared/base/errors';
import type { RunConfig } from '#shared/config/schema';
import { createRunSession } from '#shared/run/session';
import type { SessionSnapshot } from '#shared/run/snapshot';
import type { RunCheckpoint } from '#shared/run/types';
import type { RunResult, RunStore } from '../store';
import { parseStateInterval } from '../trainer/trainerRun';

const BATCH = 50;

export interface LocalRunOptions {
  name: string;
  store: RunStore | null;
  onProgress?: (step: number, totalSteps: number) => void;
  /** Goes on with a stored run (RunStore.prepareResume) instead of creating one. */
  resume?: { runId: string; snapshot: SessionSnapshot | null; durationMs: number };
}

export async function runLocally(config: RunConfig, options: LocalRunOptions): Promise<RunResult> {
  const { store, resume } = options;
  const runId = resume ? resume.runId : store ? store.createRun({ config, name: options.name }) : null;
  const pending: RunCheckpoint[] = [];
  let written = resume?.snapshot?.recorded ?? 0;
  const earlierMs = resume?.durationMs ?? 0;
  const flush = () => {
    if (store && runId && pending.length > 0) store.appendCheckpoints(runId, written, pending);
    written += pending.length;
    pending.length = 0;
  };
  let cancelled = false;
  const onSignal = () => (cancelled = true);
  process.once('SIGINT', onSignal);
  const stateIntervalMs = parseStateInterval(process.env.TTLAB_STATE_INTERVAL_MS);
  const started = performance.now();
  let stateSavedAt = started;
  try {
    const session = createRunSession(
      config,
      (checkpoint) => {
        pending.push(checkpoint);
        if (pending.length >= BATCH) flush();
      },
      resume?.snapshot ?? undefined,
    );
    /** Stores the checkpoints so far, then the state that follows them. */
    const saveState = () => {
      flush();
      stateSavedAt = performance.now();
      if (store && runId && session.status === 'running')
        store.saveRunState(runId, session.snapshot(), earlierMs + stateSavedAt - started);
    };
    if (store && runId) store.markRunning(runId, session.totalSteps);
    let budget = 10_000;
    while (!cancelled) {
      const chunkStart = performance.now();
      const more = session.advance(budget);
      const chunkMs = performance.now() - chunkStart;
      options.onProgress?.(session.step, session.totalSteps);
      if (!more) break;
      if (performance.now() - stateSavedAt >= stateIntervalMs) saveState();
      // Aim for ~50 ms chunks so progress and Ctrl-C stay responsive.
      budget = Math.max(1000, Math.min(budget * 4, Math.round((budget * 50) / Math.max(chunkMs, 0.01))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (cancelled) saveState();
    flush();
    const outcome = session.outcome();
    const durationMs = earlierMs + performance.now() - started;
    const status = cancelled ? 'cancelled' : outcome.status;
    if (store && runId) store.finishRun(runId, status, { ...outcome, durationMs });
    return {
      runId,
      name: options.name,
      status,
      steps: outcome.steps,
      totalSteps: session.totalSteps,
      finalLoss: outcome.finalLoss,
      bestLoss: outcome.bestLoss,
      limitFinalLoss: outcome.limitFinalLoss,
      limitNote: outcome.limitNote,
      coverage: outcome.coverage,
      durationMs,
      stepsPerSecond: outcome.steps / (durationMs / 1000),
      error: outcome.error,
    };
  } catch (error) {
    // A run that cannot train (e.g. the limit is undefined for this init) ends as failed, with what it recorded kept.
    flush();
    const message = errorMessage(error);
    const durationMs = performance.now() - started;
    if (store && runId) store.finishRun(runId, 'failed', { error: message, durationMs });
    return {
      runId,
      name: options.name,
      status: 'failed',
      steps: 0,
      totalSteps: 0,
      finalLoss: null,
      bestLoss: null,
      limitFinalLoss: null,
      limitNote: null,
      coverage: [],
      durationMs,
      stepsPerSecond: null,
      error: message,
    };
  } finally {
    process.off('SIGINT', onSignal);
  }
}
