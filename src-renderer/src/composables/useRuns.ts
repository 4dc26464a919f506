/**
 * The saved runs and sweeps, refreshed when any run changes status (coalesced: a sweep starts many at once) or after a
 * reconnection. Edits made here replace single runs in place, so a 10,000-run list is not fetched again for each.
 * The list is kept per lab connection: coming back to the history shows it at once and fetches a fresh copy a moment
 * later, so a history left at once (on the way to a comparison or a sweep) does not hold up the next view with a
 * 10,000-run message.
 */
import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { LabApi, RunSummary, SweepSummary } from '../../../src-shared/api/contract';
import { useLab } from './useLab';

/** Quiet time after a status event before the list is fetched again. */
const REFRESH_DELAY_MS = 250;

interface RunList {
  runs: ShallowRef<RunSummary[]>;
  sweeps: ShallowRef<ReadonlyMap<string, SweepSummary>>;
  /** loaded: the list was fetched at least once. */
  loaded: Ref<boolean>;
}

const lists = new WeakMap<LabApi, RunList>();

function listOf(api: LabApi): RunList {
  let list = lists.get(api);
  if (!list) lists.set(api, (list = { runs: shallowRef([]), sweeps: shallowRef(new Map()), loaded: ref(false) }));
  return list;
}

export function useRuns() {
  const { api, connection } = useLab();
  const { runs, sweeps, loaded } = listOf(api);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh() {
    loading.value = true;
    try {
      const [list, sweepList] = await Promise.all([api.listRuns({}), api.listSweeps({})]);
      runs.value = list;
      sweeps.value = new Map(sweepList.map((sweep) => [sweep.id, sweep]));
      error.value = null;
      loaded.value = true;
    } catch (failure) {
      error.value = `Could not list the runs: ${(failure as Error).message}`;
    } finally {
      loading.value = false;
    }
  }

  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  }

  /** Fetches the list now the first time, else soon (the list on screen meanwhile). */
  function load() {
    if (loaded.value) refreshSoon();
    else void refresh();
  }

  /** Puts the lab's answer to an edit in place of the run it changed. */
  function replace(summary: RunSummary) {
    runs.value = runs.value.map((run) => (run.id === summary.id ? summary : run));
  }

  /** Drops deleted runs from the list. */
  function forget(runIds: readonly string[]) {
    const gone = new Set(runIds);
    runs.value = runs.value.filter((run) => !gone.has(run.id));
  }

  const off = api.on('run:status', refreshSoon);
  watch(
    () => connection.value.opened,
    (opened, before) => {
      if (opened > 1 && opened > before) refreshSoon();
    },
  );
  onScopeDispose(() => {
    off();
    clearTimeout(timer);
  });

  return { runs, sweeps, loading, loaded, error, load, refresh, replace, forget };
}
