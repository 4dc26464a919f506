/**
 * The saved runs and sweeps, refreshed when any run changes status (coalesced: a sweep starts many at once) or after a
 * reconnection. Edits made here replace single runs in place, so a 10,000-run list is not fetched again for each.
 * The list comes in pages, newest first: the first load shows the first page at once and adds the older pages as they
 * arrive (`complete` turns true with the last), so the history paints without waiting for a 10,000-run message. The
 * list is kept per lab connection: coming back to the history shows it at once and fetches a fresh copy a moment
 * later, page by page behind the list on screen, which it replaces once whole.
 */
import { onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import type { LabApi, RunSummary, SweepSummary } from '#shared/api/contract';
import { errorMessage } from '#shared/base/errors';
import { useLab } from './useLab';

/** Quiet time after a status event before the list is fetched again. */
const REFRESH_DELAY_MS = 250;
/**
 * Runs in the first page: several screens of the table in its default order (newest first), even when the newest
 * runs are a sweep's, which the table gathers into one row.
 */
export const FIRST_PAGE = 500;
/**
 * Each later page is twice the one before, up to this: the second page comes quickly (the first may still be one
 * sweep's runs), and 10,000 runs take five requests whose messages each decode in a few frames.
 */
export const LARGEST_PAGE = 4000;

/** The list of one lab connection, shared by every screen that uses it. */
interface RunList {
  runs: ShallowRef<RunSummary[]>;
  sweeps: ShallowRef<ReadonlyMap<string, SweepSummary>>;
  /** loaded: the list was fetched at least once (its first page at least). */
  loaded: Ref<boolean>;
  /** complete: the list holds every run (false while the older pages of the first load are on their way). */
  complete: Ref<boolean>;
  /** loading: a refresh is reading pages. */
  loading: Ref<boolean>;
  error: Ref<string | null>;
  /** again: a refresh was asked for while one was reading pages; it starts when that one ends. */
  again: boolean;
}

const lists = new WeakMap<LabApi, RunList>();

function listOf(api: LabApi): RunList {
  let list = lists.get(api);
  if (!list) {
    list = {
      runs: shallowRef([]),
      sweeps: shallowRef(new Map()),
      loaded: ref(false),
      complete: ref(false),
      loading: ref(false),
      error: ref(null),
      again: false,
    };
    lists.set(api, list);
  }
  return list;
}

export function useRuns() {
  const { api, connection } = useLab();
  const list = listOf(api);
  const { runs, sweeps, loaded, complete, loading, error } = list;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function show(next: RunSummary[], whole: boolean) {
    runs.value = next;
    complete.value = whole;
    loaded.value = true;
  }

  /**
   * Reads the list page by page, each page asked for as soon as the one before arrives (the lab reads it while this
   * side shows the last); with nothing on screen yet each page is shown as it comes, else the whole list at the end.
   * Asked again while reading, it reads once more after: a refresh always ends, however often runs change status.
   */
  async function refresh() {
    if (loading.value) return void (list.again = true);
    const progressive = !loaded.value;
    loading.value = true;
    try {
      let limit = FIRST_PAGE;
      const [first, sweepList] = await Promise.all([api.listRuns({ limit }), api.listSweeps({})]);
      sweeps.value = new Map(sweepList.map((sweep) => [sweep.id, sweep]));
      error.value = null;
      let page = first;
      let fetched: RunSummary[] = [];
      for (;;) {
        const more = page.length === limit;
        if (more) limit = Math.min(2 * limit, LARGEST_PAGE);
        const next = more ? api.listRuns({ limit, before: page[page.length - 1].id }) : null;
        // Pages shown may have been edited meanwhile (replace, forget): a new page goes after what is on screen.
        fetched = (progressive && fetched.length > 0 ? runs.value : fetched).concat(page);
        if (progressive || !next) show(fetched, !next);
        if (!next) break;
        page = await next;
      }
    } catch (failure) {
      error.value = `Could not list the runs: ${errorMessage(failure)}`;
    } finally {
      loading.value = false;
    }
    if (list.again) {
      list.again = false;
      await refresh();
    }
  }

  function refreshSoon() {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  }

  /** Fetches the list now the first time, else soon (the list on screen meanwhile) unless a refresh is under way. */
  function load() {
    if (!loaded.value) void refresh();
    else if (!loading.value) refreshSoon();
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

  return { runs, sweeps, loading, loaded, complete, error, load, refresh, replace, forget };
}
