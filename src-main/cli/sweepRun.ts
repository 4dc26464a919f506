/** Runs every run of a sweep on a pool of trainer processes (one per core) and collects their results. */
import type { SweepSpec } from '../../src-shared/config/schema';
import { forkTrainer } from '../pool';
import { createLabOnStore } from '../service/lab';
import { startSweepAndFollow } from '../service/sweep-wait';
import type { RunStore } from '../store';
import { ProgressBar } from './progress';
import { describeResult, sweepResults, type RunResult } from './result';

export async function runSweep(spec: SweepSpec, store: RunStore, verbose: boolean, poolSize?: number): Promise<RunResult[]> {
  const lab = createLabOnStore({ store, spawn: forkTrainer(), poolSize });
  const bar = new ProgressBar(spec.name, ' runs');
  try {
    const { runIds, ended } = await startSweepAndFollow(lab, spec, (done, total) => bar.update(done, total, true));
    await ended;
    const results = sweepResults(store, spec, runIds);
    if (verbose) for (const result of results) bar.done(describeResult(result));
    return results;
  } finally {
    await lab.close();
  }
}
