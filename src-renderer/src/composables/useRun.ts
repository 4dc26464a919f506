/**
 * One run, live: its detail, its checkpoints (loaded once, then appended from 'run:checkpoints' events), its progress
 * and status. Events that arrive while the first load is in flight are queued and applied after it; a gap in the
 * checkpoint indices, or a reconnection, reloads the whole series.
 */
import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue';
import type {
  CheckpointSeries,
  CoverageEntry,
  LabEvents,
  RunDetail,
  RunProgress,
  RunStatus,
} from '#shared/api/contract';
import { finishedStatuses } from '#shared/api/contract';
import { errorMessage } from '#shared/base/errors';
import { checkpointPageSize, checkpointsPerReply } from '#shared/config/limits';
import { coverage } from '#shared/math/coverage';
import { checkpointAt } from '#shared/run/series';
import { SeriesBuffer } from '../lib/seriesBuffer';
import { useAction } from './useAction';
import { useLab } from './useLab';

type CheckpointsEvent = LabEvents['run:checkpoints'];

/** Checkpoints of the first, thinned read of a run: enough for every chart of the run view. */
const PREVIEW_CHECKPOINTS = 2000;

export function useRun(runId: string) {
  const { api, connection } = useLab();
  const detail = shallowRef<RunDetail | null>(null);
  const series = shallowRef<CheckpointSeries | null>(null);
  const progress = shallowRef<RunProgress | null>(null);
  const status = ref<RunStatus | null>(null);
  /** Why the run ended badly (failed, diverged, interrupted), from the host. */
  const statusError = ref<string | null>(null);
  const loadError = ref<string | null>(null);
  let buffer = new SeriesBuffer(runId);
  /** Checkpoint events received while a load is in flight; null when none is. */
  let queued: CheckpointsEvent[] | null = null;
  let loads = 0;

  const finished = computed(() => status.value !== null && finishedStatuses.includes(status.value));

  function publish() {
    series.value = buffer.view();
  }

  function apply(event: CheckpointsEvent) {
    if (queued) {
      queued.push(event);
      return;
    }
    // A gap (events missed) or a different shape: the stored series is the truth, fetch it again.
    if (event.firstIndex > buffer.count || !buffer.append(event.series, buffer.count - event.firstIndex)) {
      void load();
      return;
    }
    publish();
  }

  async function refreshDetail() {
    try {
      const fresh = await api.getRun({ runId });
      detail.value = fresh;
      status.value = fresh.status;
      statusError.value = fresh.error;
    } catch (error) {
      loadError.value = errorMessage(error);
    }
  }

  async function load() {
    const current = ++loads;
    queued = [];
    loadError.value = null;
    try {
      // A thinned series first, shown at once; a run larger than that is then read in pages (one reply is bounded).
      // With very many neurons even the thinned series is too large for one reply: then fewer, as many as fit.
      const [fresh, first] = await Promise.all([
        api.getRun({ runId }),
        api.getCheckpoints({ runId, maxCheckpoints: PREVIEW_CHECKPOINTS }).catch((error: Error) => error),
      ]);
      if (first instanceof Error && first.name !== 'ReplyTooLargeError') throw first;
      const preview =
        first instanceof Error
          ? await api.getCheckpoints({ runId, maxCheckpoints: checkpointsPerReply(fresh.config) })
          : first;
      if (current !== loads) return;
      if (preview.indices) series.value = preview;
      const checkpoints = preview.indices ? await readPages(preview, () => current !== loads) : preview;
      if (current !== loads || !checkpoints) return;
      detail.value = fresh;
      // A status event may be newer than this answer, unless the answer says the run is over.
      if (status.value === null || finishedStatuses.includes(fresh.status)) {
        status.value = fresh.status;
        statusError.value = fresh.error;
      }
      buffer = checkpoints instanceof SeriesBuffer ? checkpoints : new SeriesBuffer(runId);
      if (!(checkpoints instanceof SeriesBuffer)) buffer.reset(checkpoints);
      const waiting = queued ?? [];
      queued = null;
      waiting.forEach(apply);
      publish();
    } catch (error) {
      if (current !== loads) return;
      queued = null;
      loadError.value = `Could not load run ${runId}: ${errorMessage(error)}`;
    }
  }

  /** Every checkpoint of a run whose preview was thinned, page by page; null when a newer load took over. */
  async function readPages(preview: CheckpointSeries, stale: () => boolean): Promise<SeriesBuffer | null> {
    const pages = new SeriesBuffer(runId);
    const limit = checkpointPageSize(preview.aLength, preview.uLength);
    for (let from = 0; from < (preview.total ?? 0); from += limit) {
      const page = await api.getCheckpoints({ runId, from, limit });
      if (stale()) return null;
      pages.append(page);
    }
    return pages;
  }

  const { error: actionError, run: cancel } = useAction(() => api.cancelRun({ runId }), 'Could not cancel');

  const unsubscribe = [
    api.on('run:progress', (event) => {
      if (event.runId !== runId) return;
      progress.value = event;
      if (!finished.value) status.value = event.status;
    }),
    api.on('run:checkpoints', (event) => {
      if (event.runId === runId) apply(event);
    }),
    api.on('run:status', (event) => {
      if (event.runId !== runId) return;
      status.value = event.status;
      statusError.value = event.error;
      if (finishedStatuses.includes(event.status)) void refreshDetail();
    }),
  ];
  onScopeDispose(() => unsubscribe.forEach((off) => off()));
  // After a reconnection events may have been missed: start again from the stored run.
  watch(
    () => connection.value.opened,
    (opened, before) => {
      if (opened > 1 && opened > before) void load();
    },
  );

  /** Coverage of the target jumps: the stored final one once finished, else computed at the latest checkpoint. */
  const liveCoverage = computed<CoverageEntry[]>(() => {
    const config = detail.value?.config;
    if (!config || config.trainer === 'full-batch') return [];
    if (finished.value && detail.value && detail.value.coverage.length > 0) return detail.value.coverage;
    const latest = series.value && series.value.count > 0 ? checkpointAt(series.value, series.value.count - 1) : null;
    return latest ? coverage(config.target, latest.u, config.network.eta) : [];
  });

  return {
    detail,
    series,
    progress,
    status,
    statusError,
    finished,
    loadError,
    actionError,
    liveCoverage,
    load,
    cancel,
  };
}
