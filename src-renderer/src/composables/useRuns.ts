/** The saved runs, refreshed when any run changes status (coalesced: a sweep starts many at once) or after a reconnection. */
import { onScopeDispose, ref, shallowRef, watch } from 'vue';
import type { RunSummary } from '../../../src-shared/api/contract';
import { useLab } from './useLab';

/** Quiet time after a status event before the list is fetched again. */
const REFRESH_DELAY_MS = 250;

export function useRuns() {
  const { api, connection } = useLab();
  const runs = shallowRef<RunSummary[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function refresh() {
    loading.value = true;
    try {
      runs.value = await api.listRuns({});
      error.value = null;
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

  return { runs, loading, error, refresh };
}
