/**
 * The lab's API methods: the store answers the questions, LiveRuns starts and stops runs. The methods that write wait
 * while an import's merge holds the database's write lock (gateWrites).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { importSources } from '../cluster/mergeFiles';
import { methodNames, RESUMABLE_STATUSES, type LabHandlers, type LabMethod } from '#shared/api/contract';
import { ReplyTooLargeError } from '#shared/base/errors';
import { presets } from '#shared/config/presets';
import { formatBytes, MAX_REPLY_BYTES, MAX_REPORT_BYTES, MAX_SWEEP_RUNS, runLimitIssue } from '#shared/config/limits';
import { totalSteps, ValidationError, type RunConfig } from '#shared/config/schema';
import { loadReport, type ReportTarget } from '../report/data';
import { defaultContext } from '../report/exportReport';
import type { ReportRenderer } from '../report/renderProcess';
import type { RunStore } from '../store';
import type { LiveRuns } from './liveRuns';
import type { Reproducer } from './reproduction';
import { defaultRunName } from './runName';
import { createSweep, inSlices } from './sweepCreate';

export { MAX_SWEEP_RUNS };

/** Refuses a run that would need more memory or record more checkpoints than config/limits.ts allows. */
function checkRunLimits(config: RunConfig): void {
  const issue = runLimitIssue(config, totalSteps(config));
  if (issue) throw new ValidationError(`config.${issue.message}`, `config.${issue.field}`);
}

/** Refused because the run is queued or running. */
export class RunActiveError extends Error {
  override readonly name = 'RunActiveError';
}

/** Refuses, before anything is read, a report whose runs hold more checkpoints than MAX_REPORT_BYTES. */
function checkReportSize(store: RunStore, target: ReportTarget): void {
  const runIds =
    'runId' in target
      ? [target.runId]
      : 'runIds' in target
        ? target.runIds
        : store.getSweep(target.sweepId).runs.map((run) => run.id);
  const bytes = store.storedCheckpointBytes(runIds);
  if (bytes > MAX_REPORT_BYTES) {
    throw new ReplyTooLargeError(
      `exportReport: its ${runIds.length} run(s) hold ${formatBytes(bytes)} of checkpoints, more than the ${formatBytes(MAX_REPORT_BYTES)} a report may draw from: export fewer runs, or use ttlab export`,
    );
  }
}

/**
 * Whether each API method writes on the store's connection, on this thread. Those that do wait (RunStore.whenWritable)
 * while an import's merge holds the database's write lock, instead of waiting for its commit in SQLite's busy timeout,
 * which would stop the event loop; the others answer meanwhile. reproducePaper and cancelReproduction write only
 * through startSweep and cancelRun, and importRunsFrom on its merge thread. Every method is listed: a new one must say.
 */
const WRITES: Record<LabMethod, boolean> = {
  listPresets: false,
  startRun: true,
  startSweep: true,
  cancelRun: true,
  listRuns: false,
  getRun: false,
  getCheckpoints: false,
  getRunDetails: false,
  updateRun: true,
  deleteRuns: true,
  listSweeps: false,
  getSweep: false,
  exportReport: false,
  renderFigure: false,
  reproducePaper: false,
  currentReproduction: false,
  cancelReproduction: false,
  resumeRun: true,
  resumeSweep: true,
  verifyRun: false,
  importRunsFrom: false,
};

/**
 * The one gate between the API and an import: every method that writes (WRITES) is called through
 * RunStore.whenWritable, at once when no import is under way, else once none is. Parameters and results are as before.
 */
function gateWrites(store: RunStore, handlers: LabHandlers): LabHandlers {
  const gated: Record<string, unknown> = { ...handlers };
  for (const method of methodNames) {
    if (!WRITES[method]) continue;
    const handler = handlers[method] as (params: unknown) => unknown;
    gated[method] = (params: unknown) => store.whenWritable(() => handler(params));
  }
  return gated as LabHandlers;
}

export function createHandlers(
  store: RunStore,
  live: LiveRuns,
  reproducer: Reproducer,
  renderer: ReportRenderer,
): LabHandlers {
  return gateWrites(store, {
    listPresets: () => presets,
    startRun: ({ config, name }) => {
      checkRunLimits(config);
      const runId = store.createRun({ config, name: name?.trim() || defaultRunName(config) });
      live.submit(runId, config, totalSteps(config));
      return { runId };
    },
    startSweep: async ({ sweep }) => {
      // Stored whole (or not at all) before any run is queued; see sweepCreate.ts.
      const { sweepId, runs } = await createSweep(store, sweep);
      await inSlices(runs, ({ runId, config }) => live.submit(runId, config, totalSteps(config)));
      return { sweepId, runIds: runs.map((run) => run.runId) };
    },
    cancelRun: ({ runId }) => {
      if (live.cancel(runId)) return { cancelled: true };
      store.getRun(runId); // NotFoundError for an unknown run; a finished one just cannot be cancelled
      return { cancelled: false };
    },
    listRuns: (page) => store.listRuns(page),
    exportReport: async ({ target, spreadsheetSafe, format = 'zip', size }) => {
      const what =
        'runId' in target
          ? `run-${target.runId.slice(0, 8)}`
          : 'sweepId' in target
            ? `sweep-${target.sweepId.slice(0, 8)}`
            : `comparison-${target.runIds.length}-runs`;
      checkReportSize(store, target);
      // Read from the database and drawn in the render process: the host keeps answering, and survives its crash.
      const database = store.sharedDatabase();
      const input = database ? { database, target } : { data: loadReport(store, target) };
      const data = await renderer.render({
        kind: 'report',
        input,
        context: defaultContext(),
        options: { spreadsheetSafe, size },
        format,
      });
      return { fileName: `ttlab-${what}-report.${format}`, data };
    },
    renderFigure: async (params) => ({ data: await renderer.render({ kind: 'figure', params }) }),
    getRun: ({ runId }) => store.getRun(runId),
    getRunDetails: ({ runIds }) => store.getRunDetails(runIds),
    getCheckpoints: ({ runId, ...options }) => store.getCheckpoints(runId, { ...options, maxBytes: MAX_REPLY_BYTES }),
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
    currentReproduction: () => reproducer.current(),
    cancelReproduction: () => ({ cancelled: reproducer.cancel() }),
    resumeRun: ({ runId }) => live.resume(runId),
    resumeSweep: ({ sweepId }) => {
      const { runs } = store.getSweep(sweepId);
      const stopped = runs.filter((run) => RESUMABLE_STATUSES.includes(run.status));
      const resumed = stopped.map((run) => live.resume(run.id));
      return {
        sweepId,
        resumed,
        finished: runs.filter((run) => run.status === 'done' || run.status === 'diverged').length,
      };
    },
    verifyRun: ({ runId }) => live.verify(runId),
    importRunsFrom: async ({ path }) => {
      if (!existsSync(resolve(path))) throw new ValidationError(`path: nothing at ${path}`, 'path');
      const files = importSources(resolve(path));
      if (files.length === 0) throw new ValidationError(`path: no lab database (.sqlite file) at ${path}`, 'path');
      const { added, replaced, present, refused, sweeps } = await store.importFiles(files);
      return { files, added, replaced, present, refused, sweeps };
    },
  });
}
