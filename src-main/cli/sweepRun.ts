/** Runs every run of a sweep on a pool of trainer processes (one per core) and collects their results. */
import type { SweepSpec } from '#shared/config/schema';
import { forkTrainer } from '../pool';
import { createLabOnStore } from '../service/lab';
import { startSweepAndFollow } from '../service/sweepWait';
import { sweepResults, type RunResult, type RunStore } from '../store';
import { ProgressBar } from './progress';
import { describeResult } from './result';

export async function runSweep(
  spec: SweepSpec,
  store: RunStore,
  verbose: boolean,
  poolSize?: number,
): Promise<RunResult[]> {
  const lab = createLabOnStore({ store, spawn: forkTrainer(), poolSize });
  const bar = new ProgressBar(spec.name, ' runs');
  // Ctrl-C stops the sweep: runs still training end 'interrupted' with their saved state, and can be resumed.
  let stop!: () => void;
  const stopped = new Promise<'stopped'>((resolve) => (stop = () => resolve('stopped')));
  process.once('SIGINT', stop);
  try {
    const { sweepId, runIds, ended } = await startSweepAndFollow(lab, spec, (done, total) =>
      bar.update(done, total, true),
    );
    if ((await Promise.race([ended, stopped])) === 'stopped') {
      await lab.close();
      bar.done(`interrupted: go on with \`ttlab resume --sweep ${sweepId}\` (finished runs are kept)`);
    }
    const results = sweepResults(store, spec, runIds);
    if (verbose) for (const result of results) bar.done(describeResult(result));
    return results;
  } finally {
    process.off('SIGINT', stop);
    await lab.close();
  }
}
