/**
 * One run in this process (the fastest path for a single run): the session in ~50 ms chunks, checkpoints saved in
 * batches, Ctrl-C ends the run as cancelled with its checkpoints kept.
 */
import type { RunConfig } from '../../src-shared/config/schema';
import { createRunSession } from '../../src-shared/run/session';
import type { RunCheckpoint } from '../../src-shared/run/types';
import type { RunStore } from '../store';
import type { RunResult } from './result';

const BATCH = 50;

export interface LocalRunOptions {
  name: string;
  store: RunStore | null;
  onProgress?: (step: number, totalSteps: number) => void;
}

export async function runLocally(config: RunConfig, options: LocalRunOptions): Promise<RunResult> {
  const { store } = options;
  const runId = store ? store.createRun({ config, name: options.name }) : null;
  const pending: RunCheckpoint[] = [];
  let written = 0;
  const flush = () => {
    if (store && runId && pending.length > 0) store.appendCheckpoints(runId, written, pending);
    written += pending.length;
    pending.length = 0;
  };
  let cancelled = false;
  const onSignal = () => (cancelled = true);
  process.once('SIGINT', onSignal);
  const started = performance.now();
  try {
    const session = createRunSession(config, (checkpoint) => {
      pending.push(checkpoint);
      if (pending.length >= BATCH) flush();
    });
    if (store && runId) store.markRunning(runId, session.totalSteps);
    let budget = 10_000;
    while (!cancelled) {
      const chunkStart = performance.now();
      const more = session.advance(budget);
      const chunkMs = performance.now() - chunkStart;
      options.onProgress?.(session.step, session.totalSteps);
      if (!more) break;
      // Aim for ~50 ms chunks so progress and Ctrl-C stay responsive.
      budget = Math.max(1000, Math.min(budget * 4, Math.round((budget * 50) / Math.max(chunkMs, 0.01))));
      await new Promise((resolve) => setImmediate(resolve));
    }
    flush();
    const outcome = session.outcome();
    const durationMs = performance.now() - started;
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
    const message = (error as Error).message;
    const durationMs = performance.now() - started;
    if (store && runId) store.finishRun(runId, 'failed', { error: message, durationMs });
    return {
      runId, name: options.name, status: 'failed', steps: 0, totalSteps: 0, finalLoss: null, bestLoss: null,
      limitFinalLoss: null, limitNote: null, coverage: [], durationMs, stepsPerSecond: null, error: message,
    };
  } finally {
    process.off('SIGINT', onSignal);
  }
}
