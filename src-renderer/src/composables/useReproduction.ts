/**
 * "Reproduce the paper" on the renderer's side: the latest state the lab announced, kept for the whole session (one
 * per lab API) so that leaving the screen and coming back shows the reproduction where it is. States of an older
 * reproduction never overwrite a newer one.
 */
import { computed, shallowRef, type Ref, type ShallowRef } from 'vue';
import { errorMessage } from '#shared/base/errors';
import type { LabApi } from '#shared/api/contract';
import type { Reproduction } from '#shared/api/reproduction';
import { saveFile } from '../lib/download';
import { useAction } from './useAction';
import { useLab } from './useLab';

/** idle: nothing started this session; starting: asked, no answer yet; then the reproduction's own status. */
export type ReproductionPhase = 'idle' | 'starting' | Reproduction['status'];

export interface ReproductionModel {
  state: ShallowRef<Reproduction | null>;
  phase: Readonly<Ref<ReproductionPhase>>;
  /** Why starting failed. */
  error: Ref<string | null>;
  /** Runs ended over all experiments, and all runs. */
  totals: Readonly<Ref<{ ended: number; runs: number }>>;
  start(): Promise<void>;
  /** Stops the running reproduction (its runs are cancelled); it then ends failed, saying it was cancelled. */
  cancel(): Promise<void>;
  /** Saves the report zip (only once done). */
  download(): void;
}

/** How far a reproduction went: experiments started, runs ended, and the end itself. */
function advance(state: Reproduction): number {
  const steps = state.experiments.reduce(
    (sum, e) => sum + e.finishedRuns + (e.status === 'queued' ? 0 : 1) + (e.status === 'done' ? 1 : 0),
    0,
  );
  return steps + (state.status === 'running' ? 0 : Number.MAX_SAFE_INTEGER / 2);
}

function createModel(api: LabApi): ReproductionModel {
  const state = shallowRef<Reproduction | null>(null);
  // Its error also says why reading the latest state or cancelling failed.
  const {
    busy: starting,
    error,
    run: startQuick,
  } = useAction(async () => accept(await api.reproducePaper({ tier: 'quick' })));

  /** Keeps the newest reproduction and, within one, the furthest state (a reply may overtake an event). */
  function accept(next: Reproduction) {
    const current = state.value;
    if (current && (next.id < current.id || (next.id === current.id && advance(next) < advance(current)))) return;
    state.value = next;
  }
  api.on('reproduce:progress', accept);
  // A page opened (or reloaded) while a reproduction runs, or after one ended, shows it: the lab keeps the latest.
  void api
    .currentReproduction({})
    .then((latest) => latest && accept(latest))
    .catch((failure: unknown) => (error.value = errorMessage(failure)));

  return {
    state,
    error,
    phase: computed(() => (starting.value ? 'starting' : (state.value?.status ?? 'idle'))),
    totals: computed(() => {
      const experiments = state.value?.experiments ?? [];
      return {
        ended: experiments.reduce((sum, e) => sum + e.finishedRuns, 0),
        runs: experiments.reduce((sum, e) => sum + e.runs, 0),
      };
    }),
    async start() {
      if (state.value?.status !== 'running') await startQuick();
    },
    async cancel() {
      try {
        await api.cancelReproduction({});
      } catch (failure) {
        error.value = errorMessage(failure);
      }
    },
    download() {
      const report = state.value?.report;
      if (report) saveFile(report.data, report.fileName);
    },
  };
}

const models = new WeakMap<LabApi, ReproductionModel>();

export function useReproduction(): ReproductionModel {
  const { api } = useLab();
  let model = models.get(api);
  if (!model) models.set(api, (model = createModel(api)));
  return model;
}
