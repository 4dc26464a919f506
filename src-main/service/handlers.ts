/** The lab's API methods: the store answers the questions, LiveRuns starts and stops runs. */
import type { LabHandlers } from '../../src-shared/api/contract';
import { presets } from '../../src-shared/config/presets';
import { totalSteps, ValidationError } from '../../src-shared/config/schema';
import { expandSweep, sweepSize } from '../../src-shared/config/sweep';
import { exportReportZip } from '../report/exportReport';
import type { RunStore } from '../store';
import type { LiveRuns } from './live-runs';
import type { Reproducer } from './reproduction';
import { defaultRunName } from './run-name';

/** Most runs one sweep may expand to. */
export const MAX_SWEEP_RUNS = 10_000;

/** Refused because the run is queued or running. */
export class RunActiveError extends Error {
  override readonly name = 'RunActiveError';
}

export function createHandlers(store: RunStore, live: LiveRuns, reproducer: Reproducer): LabHandlers {
  return {
    listPresets: () => presets,
    startRun: ({ config, name }) => {
      const runId = store.createRun({ config, name: name?.trim() || defaultRunName(config) });
      live.submit(runId, config, totalSteps(config));
      return { runId };
    },
    startSweep: ({ sweep }) => {
      const size = sweepSize(sweep);
      if (size > MAX_SWEEP_RUNS) throw new ValidationError(`sweep: expands to ${size} runs, more than the ${MAX_SWEEP_RUNS} allowed`, 'sweep');
      const points = expandSweep(sweep);
      const sweepId = store.createSweep(sweep.name, sweep);
      const runIds = points.map((point) => store.createRun({ config: point.config, name: point.label, sweepId, params: point.params }));
      runIds.forEach((runId, i) => live.submit(runId, points[i].config, totalSteps(points[i].config)));
      return { sweepId, runIds };
    },
    cancelRun: ({ runId }) => {
      if (live.cancel(runId)) return { cancelled: true };
      store.getRun(runId); // NotFoundError for an unknown run; a finished one just cannot be cancelled
      return { cancelled: false };
    },
    listRuns: (page) => store.listRuns(page),
    exportReport: ({ target }) => {
      const what = 'runId' in target ? `run-${target.runId.slice(0, 8)}` : 'sweepId' in target ? `sweep-${target.sweepId.slice(0, 8)}` : `comparison-${target.runIds.length}-runs`;
      return { fileName: `ttlab-${what}-report.zip`, data: exportReportZip(store, target) };
    },
    getRun: ({ runId }) => store.getRun(runId),
    getRunDetails: ({ runIds }) => store.getRunDetails(runIds),
    getCheckpoints: ({ runId, ...options }) => store.getCheckpoints(runId, options),
    updateRun: ({ runId, ...patch }) => store.updateRun(runId, patch),
    deleteRuns: ({ runIds }) => {
      for (const runId of runIds) {
        const status = live.statusOf(runId);
        if (status) throw new RunActiveError(`run ${runId} is ${status}: cancel it before deleting it`);
      }
      return { deleted: store.deleteRuns(runIds) };
    },
    listSweeps: () => store.listSweeps(),
    getSweep: ({ sweepId }) => store.getSweep(sweepId),
    reproducePaper: ({ tier }) => reproducer.start(tier),
  };
}
