/** The lab behind the API: run store, trainer pool, live runs and events, wired together. */
import type { LabHandlers } from '#shared/api/contract';
import type { SpawnTrainer } from '../pool/forkTrainer';
import { ReportRenderer } from '../report/renderProcess';
import { TrainerPool } from '../pool/trainerPool';
import { openStore, type RunStore } from '../store';
import { createEventHub, type LabEventSource } from './eventHub';
import { createHandlers } from './handlers';
import { LiveRuns } from './liveRuns';
import { createReproducer } from './reproduction';
import { machineProvenance } from '../provenance/collect';

export interface Lab {
  /** Every API method, taking validated parameters (pass them through `dispatch`). */
  handlers: LabHandlers;
  events: LabEventSource;
  store: RunStore;
  /** Stops every trainer (live runs end 'interrupted') and the render process; createLab also closes the store it opened. */
  close(): Promise<void>;
}

export interface LabOptions {
  spawn: SpawnTrainer;
  /** Trainer processes at once; defaults to the number of cores. */
  poolSize?: number;
  /** Starts the render process of exports and figures (report/renderProcess.ts); defaults to Node's child_process.fork. */
  spawnRenderer?: SpawnTrainer;
}

/** A lab on a store its caller owns (and closes). */
export function createLabOnStore(options: LabOptions & { store: RunStore }): Lab {
  const { store } = options;
  const events = createEventHub();
  // What trainers send waits while an import holds the database's write lock (see RunStore.mergeUnderway).
  const pool = new TrainerPool({ spawn: options.spawn, size: options.poolSize, hold: () => store.mergeUnderway() });
  const live = new LiveRuns(store, pool, events);
  // The reproduction starts its sweeps through the handlers it is part of: they exist by the time it starts one.
  const sweepLab = {
    handlers: { startSweep: (params: Parameters<LabHandlers['startSweep']>[0]) => handlers.startSweep(params) },
    events,
  };
  const reproducer = createReproducer({
    store,
    lab: sweepLab,
    announce: (state) => events.emit('reproduce:progress', state),
    cancelRun: (runId) => void handlers.cancelRun({ runId }),
  });
  // Started on the first export, not before.
  const renderer = new ReportRenderer(options.spawnRenderer);
  const handlers = createHandlers(store, live, reproducer, renderer);
  let closed: Promise<void> | null = null;
  return {
    handlers,
    events: { on: events.on },
    store,
    close: () => {
      reproducer.close();
      return (closed ??= Promise.all([live.close(), renderer.close()]).then(() => undefined));
    },
  };
}

/** A lab on the database file `dbFile`, created when missing; `nativeBinding` as in the store's OpenOptions. */
export function createLab(options: LabOptions & { dbFile: string; nativeBinding?: string }): Lab {
  const store = openStore(options.dbFile, { nativeBinding: options.nativeBinding });
  // The build and machine runs record are gathered now, while the lab starts, so that creating the first run does not
  // wait on `git` (commit, dirty flag) while the lab answers requests.
  machineProvenance();
  const lab = createLabOnStore({ ...options, store });
  let closed: Promise<void> | null = null;
  return { ...lab, close: () => (closed ??= lab.close().finally(() => store.close())) };
}
