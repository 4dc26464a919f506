/**
 * The run history as a table: sorting, filtering and free-text search over the run list by its columns
 * (historyColumns), and the rows shown, where the runs of a sweep gather under one group row that expands to them.
 * Pure: the view state lives in useHistoryTable.
 */
import type { RunStatus, RunSummary, SweepSummary } from '#shared/api/contract';
import { median } from '#shared/analysis/stats';
import { columnByKey, type ColumnKey } from './historyColumns';

export interface SortOrder {
  key: ColumnKey;
  descending: boolean;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The runs sorted by one column (a stable sort); runs without a value come last in both directions. */
export function sortRuns(runs: readonly RunSummary[], order: SortOrder): RunSummary[] {
  const column = columnByKey.get(order.key)!;
  const sign = order.descending ? -1 : 1;
  const keyed = runs.map((run, index) => ({ run, index, value: column.value(run) }));
  keyed.sort((x, y) => {
    if (x.value === null || y.value === null)
      return x.value === y.value ? x.index - y.index : x.value === null ? 1 : -1;
    const difference = column.numeric
      ? (x.value as number) - (y.value as number)
      : collator.compare(x.value as string, y.value as string);
    return difference !== 0 ? sign * difference : x.index - y.index;
  });
  return keyed.map((entry) => entry.run);
}

/** A condition on a numeric column, e.g. epsilon <= 0.01. */
export interface ParamFilter {
  key: ColumnKey;
  op: '=' | '<=' | '>=';
  value: number;
}

export interface HistoryFilter {
  /** text: words that must all appear in the name, the tags or the notes (case-insensitive). */
  text: string;
  /** statuses, trainers: allowed values (empty allows all). */
  statuses: readonly RunStatus[];
  trainers: readonly RunSummary['trainer'][];
  /** tags: tags a run must all carry. */
  tags: readonly string[];
  starredOnly: boolean;
  params: readonly ParamFilter[];
}

export const emptyFilter = (): HistoryFilter => ({
  text: '',
  statuses: [],
  trainers: [],
  tags: [],
  starredOnly: false,
  params: [],
});

/** Relative tolerance of '=': a value typed as 1e-5 matches the stored 1.0000000000000001e-5. */
const EQUAL_TOLERANCE = 1e-9;

function passes(filter: ParamFilter, value: number | string | null): boolean {
  if (typeof value !== 'number') return false;
  if (filter.op === '<=') return value <= filter.value;
  if (filter.op === '>=') return value >= filter.value;
  return Math.abs(value - filter.value) <= EQUAL_TOLERANCE * Math.max(Math.abs(value), Math.abs(filter.value));
}

/** The search words of a query, lower-cased. */
export const searchWords = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

/**
 * The test of `filter` for many runs: the filter is read once (a reactive filter would otherwise track every field
 * for each of 10,000 runs) and the search words split once. `notes` holds the notes known so far (the list has none);
 * a run also matches by the name of its sweep, so searching a sweep's name finds it.
 */
export function runMatcher(
  filter: HistoryFilter,
  notes: ReadonlyMap<string, string> = new Map(),
  sweeps: ReadonlyMap<string, SweepSummary> = new Map(),
): (run: RunSummary) => boolean {
  const { starredOnly } = filter;
  const statuses = [...filter.statuses];
  const trainers = [...filter.trainers];
  const tags = [...filter.tags];
  const params = filter.params.map((param) => ({ ...param }));
  const words = searchWords(filter.text);
  return (run) => {
    if (starredOnly && !run.starred) return false;
    if (statuses.length && !statuses.includes(run.status)) return false;
    if (trainers.length && !trainers.includes(run.trainer)) return false;
    if (tags.some((tag) => !run.tags.includes(tag))) return false;
    if (params.some((param) => !passes(param, columnByKey.get(param.key)!.value(run)))) return false;
    if (words.length === 0) return true;
    const sweepName = run.sweepId === null ? '' : (sweeps.get(run.sweepId)?.name ?? '');
    const haystack = `${run.name}\n${run.tags.join('\n')}\n${notes.get(run.id) ?? ''}\n${sweepName}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  };
}

/** A row of the table: a run, or the group row of a sweep whose runs follow it when expanded. */
export type HistoryRow =
  | { kind: 'run'; run: RunSummary; /** inSweep: shown under its sweep's group row. */ inSweep: boolean }
  | {
      kind: 'sweep';
      sweepId: string;
      name: string;
      /** createdAt: when the sweep was created (its first run's date when the sweep is not known). */
      createdAt: string;
      runs: RunSummary[];
      expanded: boolean;
      done: number;
      /** medianLoss: median final loss over the finished runs; bestLoss: the lowest loss any of them reached. */
      medianLoss: number;
      bestLoss: number;
    };

/**
 * Rows for runs already sorted and filtered: a sweep's group row takes the place of its first run, and, when expanded,
 * its matching runs follow it in the same order.
 */
export function historyRows(
  runs: readonly RunSummary[],
  sweeps: ReadonlyMap<string, SweepSummary>,
  expanded: ReadonlySet<string>,
): HistoryRow[] {
  const members = new Map<string, RunSummary[]>();
  for (const run of runs)
    if (run.sweepId !== null) (members.get(run.sweepId) ?? members.set(run.sweepId, []).get(run.sweepId)!).push(run);
  const rows: HistoryRow[] = [];
  for (const run of runs) {
    if (run.sweepId === null) {
      rows.push({ kind: 'run', run, inSweep: false });
      continue;
    }
    const group = members.get(run.sweepId);
    if (!group || group[0] !== run) continue;
    const open = expanded.has(run.sweepId);
    const finished = group.filter((member) => member.finalLoss !== null);
    rows.push({
      kind: 'sweep',
      sweepId: run.sweepId,
      name: sweeps.get(run.sweepId)?.name ?? `sweep ${run.sweepId.slice(0, 8)}`,
      createdAt: sweeps.get(run.sweepId)?.createdAt ?? run.createdAt,
      runs: group,
      expanded: open,
      done: group.filter((member) => member.status === 'done').length,
      medianLoss: median(finished.map((member) => member.finalLoss!)),
      bestLoss: finished.length
        ? finished.reduce((best, member) => Math.min(best, member.bestLoss ?? member.finalLoss!), Infinity)
        : NaN,
    });
    if (open) for (const member of group) rows.push({ kind: 'run', run: member, inSweep: true });
  }
  return rows;
}

/** The sweeps holding at least one of `runs`: a search opens them, so matching runs inside show. */
export function sweepsOf(runs: readonly RunSummary[]): Set<string> {
  return new Set(runs.flatMap((run) => (run.sweepId === null ? [] : [run.sweepId])));
}

/** Every tag used by some run, sorted. */
export function allTags(runs: readonly RunSummary[]): string[] {
  const tags = new Set<string>();
  for (const run of runs) for (const tag of run.tags) tags.add(tag);
  return [...tags].sort(collator.compare);
}
