/** Runs every run of a sweep on a pool of trainer processes (one per core) and collects their results. */
import type { SweepSpec } from '../../src-shared/config/schema';
import { finishedStatuses } from '../../src-shared/api/contract';
import { forkTrainer } from '../pool';
import { createLabOnStore } from '../service/lab';
import type { RunStore } from '../store';
import { ProgressBar } from './progress';
import { describeResult, resultFromDetail, type RunResult } from './result';
import { expandSweep } from '../../src-shared/config/sweep';

export async function runSweep(spec: SweepSpec, store: RunStore, verbose: boolean, poolSize?: number): Promise<RunResult[]> {
  const lab = createLabOnStore({ store, spawn: forkTrainer(), poolSize });
  const points = expandSweep(spec);
  const bar = new ProgressBar(spec.name, ' runs');
  try {
    const { runIds } = await lab.handlers.startSweep({ sweep: spec });
    const pending = new Set(runIds);
    await new Promise<void>((resolve) => {
      const off = lab.events.on('run:status', ({ runId, status }) => {
        if (!pending.has(runId) || !finishedStatuses.includes(status)) return;
        pending.delete(runId);
        bar.update(runIds.length - pending.size, runIds.length, true);
        if (pending.size === 0) {
          off();
          resolve();
        }
      });
    });
    const results = runIds.map((id, i) => resultFromDetail(store.getRun(id), points[i].params));
    if (verbose) for (const result of results) bar.done(describeResult(result));
    return results;
  } finally {
    await lab.close();
  }
}
