/**
 * Verify: a stored run is trained again in the trainer pool from its stored configuration and seed, and each
 * checkpoint the replay records is compared bit for bit with the stored one as it arrives. Stored checkpoints are read
 * in pages, so a long run is verified in bounded memory; the replay stops at the first difference, or once it has
 * recorded as many checkpoints as are stored (a cancelled run's series is a prefix of the full one).
 */
import { randomUUID } from 'node:crypto';
import { RunStateError } from '#shared/base/errors';
import { provenanceDifferences } from '#shared/run/provenance';
import { checkpointAt } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';
import { compareCheckpoints, type CheckpointDifference, type VerifyResult } from '#shared/run/verify';
import type { TrainerPool } from '../pool/trainerPool';
import { machineProvenance } from '../provenance/collect';
import type { RunStore } from '../store';

/** Stored checkpoints read per page while comparing. */
const PAGE = 256;

/** Reads a run's stored checkpoints in order, one page at a time. */
function storedReader(store: RunStore, runId: string): (index: number) => RunCheckpoint {
  let page = { from: 0, series: store.getCheckpoints(runId, { from: 0, limit: PAGE }) };
  return (index) => {
    if (index < page.from || index >= page.from + page.series.count)
      page = { from: index, series: store.getCheckpoints(runId, { from: index, limit: PAGE }) };
    return checkpointAt(page.series, index - page.from);
  };
}

export async function verifyRun(store: RunStore, pool: TrainerPool, runId: string): Promise<VerifyResult> {
  const run = store.getRun(runId);
  if (run.status === 'queued' || run.status === 'running')
    throw new RunStateError(`run ${runId} is ${run.status}: verify it once it has finished`);
  const storedProvenance = store.getProvenance(runId);
  const current = machineProvenance();
  // The scalar columns only: the count of stored checkpoints, without their neurons.
  const stored = store.getCheckpoints(runId, { fields: [] }).count;
  if (stored === 0) throw new RunStateError(`run ${runId} has no stored checkpoint to verify`);
  const readStored = storedReader(store, runId);
  const jobId = `verify-${randomUUID()}`;
  let compared = 0;
  let firstDifference: CheckpointDifference | null = null;

  const outcome = await new Promise<{ error: string | null }>((resolve) => {
    const stop = () => pool.cancel(jobId);
    pool.enqueue(
      { runId: jobId, config: run.config },
      {
        started: () => {},
        progress: () => {},
        checkpoints: (firstIndex, checkpoints) => {
          for (const [offset, replayed] of checkpoints.entries()) {
            const index = firstIndex + offset;
            if (firstDifference || index >= stored) continue;
            firstDifference = compareCheckpoints(index, readStored(index), replayed);
            compared = index + 1;
          }
          if (firstDifference || compared >= stored) stop();
        },
        finished: () => resolve({ error: null }),
        failed: (error) => resolve({ error: error.message }),
      },
    );
  });

  // A replay that ended (or failed) before reaching the stored checkpoints differs by the ones it never recorded.
  if (!firstDifference && compared < stored) {
    const missing = readStored(compared);
    firstDifference = {
      index: compared,
      step: missing.step,
      metric: outcome.error
        ? `count (the replay failed: ${outcome.error})`
        : 'count (the replay recorded fewer checkpoints)',
      stored: stored,
      replayed: compared,
      relativeDifference: (stored - compared) / stored,
    };
  }
  return {
    runId,
    identical: firstDifference === null,
    compared,
    stored,
    firstDifference,
    provenance: { stored: storedProvenance, current, differences: provenanceDifferences(storedProvenance, current) },
  };
}
