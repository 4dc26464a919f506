/**
 * What the history table shows: the runs filtered, searched and sorted, gathered into sweep groups, and the selection
 * that bulk actions and the comparison work on. `hidden` holds runs deleted but still undoable.
 */
import { computed, reactive, ref, shallowRef, watch, type Ref } from 'vue';
import type { RunSummary, SweepSummary } from '#shared/api/contract';
import type { ColumnKey } from '../lib/historyColumns';
import {
  emptyFilter,
  historyRows,
  runMatcher,
  searchWords,
  sortRuns,
  sweepsOf,
  type HistoryFilter,
  type SortOrder,
} from '../lib/historyQuery';

export interface HistorySources {
  runs: Ref<readonly RunSummary[]>;
  sweeps: Ref<ReadonlyMap<string, SweepSummary>>;
  notes: Ref<ReadonlyMap<string, string>>;
  hidden: Ref<ReadonlySet<string>>;
}

export function useHistoryTable(sources: HistorySources) {
  const filter = reactive<HistoryFilter>(emptyFilter());
  const order = ref<SortOrder>({ key: 'created', descending: true });
  const expanded = shallowRef<ReadonlySet<string>>(new Set());
  const selected = shallowRef<ReadonlySet<string>>(new Set());

  // Refs are read once per pass, not once per run: each read of .value is tracked, and the list holds 10,000 runs.
  const visible = computed(() => {
    const hidden = sources.hidden.value;
    return hidden.size ? sources.runs.value.filter((run) => !hidden.has(run.id)) : sources.runs.value;
  });
  const filtered = computed(() => visible.value.filter(runMatcher(filter, sources.notes.value, sources.sweeps.value)));
  const sorted = computed(() => sortRuns(filtered.value, order.value));
  const rows = computed(() => historyRows(sorted.value, sources.sweeps.value, expanded.value));
  // A search opens the sweeps it finds runs in: a match hidden in a collapsed group would look like no match. The
  // user can close them again; the next change of the search opens those that match it.
  watch(
    () => filter.text,
    (text) => {
      if (searchWords(text).length === 0) return;
      const found = sweepsOf(filtered.value);
      if ([...found].some((sweepId) => !expanded.value.has(sweepId)))
        expanded.value = new Set([...expanded.value, ...found]);
    },
  );
  /** The selected runs still shown, in table order. */
  const selection = computed(() => {
    const chosen = selected.value;
    return chosen.size ? sorted.value.filter((run) => chosen.has(run.id)) : [];
  });

  /** Sorts by `key`; the same key again flips the direction. Numbers start high-to-low only for dates and stars. */
  function sortBy(key: ColumnKey) {
    order.value =
      order.value.key === key
        ? { key, descending: !order.value.descending }
        : { key, descending: key === 'created' || key === 'starred' };
  }

  function toggleGroup(sweepId: string) {
    const next = new Set(expanded.value);
    if (!next.delete(sweepId)) next.add(sweepId);
    expanded.value = next;
  }

  /** Selects or unselects runs (all of them to `on`, or each flipped when `on` is omitted). */
  function select(runIds: readonly string[], on?: boolean) {
    const next = new Set(selected.value);
    const target = on ?? !runIds.every((runId) => next.has(runId));
    for (const runId of runIds) {
      if (target) next.add(runId);
      else next.delete(runId);
    }
    selected.value = next;
  }

  const clearSelection = () => (selected.value = new Set());
  const selectAllShown = (on: boolean) =>
    select(
      filtered.value.map((run) => run.id),
      on,
    );

  function resetFilter() {
    Object.assign(filter, emptyFilter());
  }

  return {
    filter,
    order,
    expanded,
    selected,
    filtered,
    sorted,
    rows,
    selection,
    sortBy,
    toggleGroup,
    select,
    clearSelection,
    selectAllShown,
    resetFilter,
  };
}
