/**
 * Creating a sweep without blocking the host and without leaving half of it behind: its expanded size is checked
 * against the limits (config/limits.ts) before anything is built, its runs are expanded one at a time and stored in
 * chunks, one transaction each, giving the event loop back every few milliseconds; when any run is refused or any
 * write fails, the sweep and the runs stored so far are deleted before the error is passed on.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { errorMessage } from '#shared/base/errors';
import { runLimitIssue, runSeriesBytes, sweepLimitIssue } from '#shared/config/limits';
import { totalSteps, ValidationError, type RunConfig, type SweepSpec } from '#shared/config/schema';
import { largestVariantBytes, sweepRuns, sweepSize } from '#shared/config/sweep';
import type { RunStore } from '../store';

/** Longest stretch of work between two turns of the event loop; the host answers other requests in between. */
const SLICE_MS = 10;
/** Most runs stored in one transaction. */
const CHUNK_RUNS = 250;

/** A run of the new sweep, stored and queued. */
interface CreatedRun {
  runId: string;
  config: RunConfig;
}

type SweepStore = Pick<RunStore, 'createSweep' | 'createSweepRuns' | 'deleteSweep' | 'whenWritable'>;

/** Throws the limit's ValidationError when the issue is not null. */
function refuse(issue: { field: string; message: string } | null): void {
  if (issue) throw new ValidationError(issue.message, issue.field);
}

/** Refuses a sweep whose expanded size exceeds the limits, from its run count and its variants alone. */
function checkSweepSize(spec: SweepSpec): void {
  refuse(sweepLimitIssue({ runs: sweepSize(spec), configBytes: largestVariantBytes(spec), seriesBytes: 0 }));
}

/** Stores the sweep `spec` and its runs, all or nothing; resolves with the runs in expansion order. */
export async function createSweep(
  store: SweepStore,
  spec: SweepSpec,
): Promise<{ sweepId: string; runs: CreatedRun[] }> {
  checkSweepSize(spec);
  const total = sweepSize(spec);
  const sweepId = store.createSweep(spec.name, spec);
  const runs: CreatedRun[] = [];
  try {
    let pending: Array<{ config: RunConfig; name: string; params: Record<string, unknown> }> = [];
    let largestConfig = 0;
    let largestSeries = 0;
    // An import may have started between two chunks: a chunk waits for it, the event loop turning meanwhile.
    const flush = async () => {
      const chunk = pending;
      pending = [];
      const ids = await store.whenWritable(() => store.createSweepRuns(sweepId, chunk));
      ids.forEach((runId, i) => runs.push({ runId, config: chunk[i].config }));
    };
    let sliceStart = performance.now();
    for (const run of sweepRuns(spec)) {
      const steps = totalSteps(run.config);
      const limit = runLimitIssue(run.config, steps);
      if (limit) throw new ValidationError(`${run.label}: ${limit.message}`, limit.field);
      // Axes may change m or the checkpoints: the totals are checked again on the runs themselves.
      largestConfig = Math.max(largestConfig, JSON.stringify(run.config).length);
      largestSeries = Math.max(largestSeries, runSeriesBytes(run.config, steps));
      refuse(sweepLimitIssue({ runs: total, configBytes: largestConfig, seriesBytes: largestSeries }));
      pending.push({ config: run.config, name: run.label, params: run.params });
      if (pending.length >= CHUNK_RUNS) await flush();
      if (performance.now() - sliceStart >= SLICE_MS) {
        await flush();
        await nextTurn();
        sliceStart = performance.now();
      }
    }
    if (pending.length > 0) await flush();
  } catch (error) {
    throw await withCleanup(error, () => store.whenWritable(() => store.deleteSweep(sweepId)));
  }
  return { sweepId, runs };
}

/** Runs `cleanup`; when it fails too, the error says so, since the runs stored so far are then left queued. */
async function withCleanup(error: unknown, cleanup: () => unknown): Promise<unknown> {
  try {
    await cleanup();
    return error;
  } catch (cleanupError) {
    if (error instanceof Error)
      error.message += `; the runs saved so far could not be removed (${errorMessage(cleanupError)}): they end interrupted when the lab next opens the database`;
    return error;
  }
}

/** Calls `each` on every item, giving the event loop a turn every SLICE_MS. */
export async function inSlices<T>(items: readonly T[], each: (item: T) => void): Promise<void> {
  let sliceStart = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
