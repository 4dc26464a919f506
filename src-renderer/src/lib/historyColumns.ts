/**
 * The history table's columns as data: each one's key, header label, width in the grid, alignment, the value it sorts
 * and filters on, and how a run's cell reads. The column type, the table's CSS grid and its cells all follow from this
 * list; the row height is one constant, handed to the CSS as --row-height. Pure (no Vue).
 */
import type { RunSummary } from '#shared/api/contract';
import { formatNumber } from '#shared/base/format';
import { coveredText, duration, fullDate, shortDate } from './historyFormat';

/** Pixel height of every row: fixed, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 40;

/** A column's width in the grid: `min` pixels, or at least that and `grow` shares of the room left. */
export interface ColumnWidth {
  min: number;
  grow?: number;
}

/** What a run's cell shows: its text, the full value on hover, and a tone (muted, or ok: every jump covered). */
export interface Cell {
  text: string;
  title?: string;
  tone?: 'muted' | 'ok';
}

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** label: the header (and the name in filters). */
  label: string;
  width: ColumnWidth;
  /** align: start for text, end for numbers, center for the star. */
  align: 'start' | 'end' | 'center';
  /** numeric: sorts as numbers (and, but for the star, can be filtered on with a condition). */
  numeric: boolean;
  /** The value it sorts and filters on (null: none, sorted last). */
  value: (run: RunSummary) => number | string | null;
  /** How a run's cell reads (the star, the status and the tags are drawn as a button, a chip and chips). */
  format: (run: RunSummary) => Cell;
}

/** Keeps each key's literal type, so ColumnKey follows from the list. */
const defineColumns = <K extends string>(list: ReadonlyArray<ColumnSpec<K>>) => list;

/** Only SGD has the stepsizes h and ε; the other trainers' defaults would read as settings they never used. */
const sgdOnly = (run: RunSummary, name: string, value: number): Cell =>
  run.trainer === 'sgd'
    ? { text: formatNumber(value, 3), title: `${name} = ${value}` }
    : { text: '—', title: 'not an SGD run', tone: 'muted' };

/** A stepsize of SGD's (h, ε): shown for SGD runs only. */
const stepsizeColumn = <K extends string>(
  key: K,
  label: string,
  value: (run: RunSummary) => number,
): ColumnSpec<K> => ({
  key,
  label,
  width: { min: 52 },
  align: 'end',
  numeric: true,
  value,
  format: (run) => sgdOnly(run, label, value(run)),
});

/** A loss (final, best): three digits in the cell, six on hover. */
const lossColumn = <K extends string>(
  key: K,
  label: string,
  value: (run: RunSummary) => number | null,
): ColumnSpec<K> => ({
  key,
  label,
  width: { min: 76 },
  align: 'end',
  numeric: true,
  value,
  format: (run) => ({ text: formatNumber(value(run)), title: `${label} ${formatNumber(value(run), 6)}` }),
});

// Sized to their content at 1440 px: names and tags take what is left and wrap onto a second line (a row holds two),
// dates are never cut; every cell shows its full value on hover.
export const columns = defineColumns([
  {
    key: 'starred',
    label: '★',
    width: { min: 30 },
    align: 'center',
    numeric: true,
    value: (run) => (run.starred ? 1 : 0),
    format: (run) => ({ text: run.starred ? '★' : '☆' }),
  },
  {
    key: 'name',
    label: 'name',
    width: { min: 178, grow: 2 },
    align: 'start',
    numeric: false,
    value: (run) => run.name,
    format: (run) => ({ text: run.name, title: run.name }),
  },
  {
    key: 'status',
    label: 'status',
    width: { min: 86 },
    align: 'start',
    numeric: false,
    value: (run) => run.status,
    format: (run) => ({ text: run.status }),
  },
  {
    key: 'trainer',
    label: 'trainer',
    width: { min: 76 },
    align: 'start',
    numeric: false,
    value: (run) => run.trainer,
    format: (run) => ({ text: run.trainer, title: run.trainer }),
  },
  {
    key: 'm',
    label: 'm',
    width: { min: 44 },
    align: 'end',
    numeric: true,
    value: (run) => run.m,
    format: (run) => ({ text: String(run.m), title: `m = ${run.m}` }),
  },
  {
    key: 'eta',
    label: 'η',
    width: { min: 52 },
    align: 'end',
    numeric: true,
    value: (run) => run.eta,
    format: (run) => ({ text: formatNumber(run.eta, 3), title: `η = ${run.eta}` }),
  },
  stepsizeColumn('h', 'h', (run) => run.h),
  stepsizeColumn('epsilon', 'ε', (run) => run.epsilon),
  {
    key: 'seed',
    label: 'seed',
    width: { min: 52 },
    align: 'end',
    numeric: true,
    value: (run) => run.seed,
    format: (run) => ({ text: String(run.seed), title: `seed ${run.seed}` }),
  },
  lossColumn('finalLoss', 'final loss', (run) => run.finalLoss),
  lossColumn('bestLoss', 'best loss', (run) => run.bestLoss),
  {
    key: 'covered',
    label: 'covered',
    width: { min: 62 },
    align: 'end',
    numeric: true,
    value: (run) => (run.coveredJumps === null ? null : run.totalJumps ? run.coveredJumps / run.totalJumps : 1),
    // Full-batch runs show no coverage, as on their own screen.
    format: (run) => ({
      text: run.trainer === 'full-batch' ? '—' : coveredText(run),
      tone: run.coveredJumps !== null && run.coveredJumps === run.totalJumps ? 'ok' : undefined,
    }),
  },
  {
    key: 'duration',
    label: 'duration',
    width: { min: 68 },
    align: 'end',
    numeric: true,
    value: (run) => run.durationMs,
    format: (run) => ({ text: duration(run.durationMs) }),
  },
  {
    key: 'created',
    label: 'created',
    // The widest short date, "May 28, 23:58", is 107 px in the body font, plus the cell's padding.
    width: { min: 124 },
    align: 'start',
    numeric: false,
    value: (run) => run.createdAt,
    format: (run) => ({ text: shortDate(run.createdAt), title: fullDate(run.createdAt), tone: 'muted' }),
  },
  {
    key: 'tags',
    label: 'tags',
    width: { min: 80, grow: 1 },
    align: 'start',
    numeric: false,
    value: (run) => run.tags.join(', ') || null,
    format: (run) => ({ text: run.tags.join(', '), title: run.tags.join(', ') }),
  },
]);

export type ColumnKey = (typeof columns)[number]['key'];
export type Column = ColumnSpec<ColumnKey>;

export const columnByKey: ReadonlyMap<ColumnKey, Column> = new Map(columns.map((column) => [column.key, column]));

/** The grid's own tracks around the columns: a row's checkbox before them, its actions after. */
const SELECT_WIDTH = 28;
const ACTIONS_WIDTH = 36;

const track = ({ min, grow }: ColumnWidth): string => (grow === undefined ? `${min}px` : `minmax(${min}px, ${grow}fr)`);

/** The table's grid-template-columns: the checkbox, every column, the actions. */
export const gridTemplate = [
  `${SELECT_WIDTH}px`,
  ...columns.map((column) => track(column.width)),
  `${ACTIONS_WIDTH}px`,
].join(' ');

/** The narrowest a row gets (every track at its minimum); a narrower table scrolls sideways. */
export const gridMinWidth = SELECT_WIDTH + columns.reduce((sum, column) => sum + column.width.min, 0) + ACTIONS_WIDTH;

/** The grid-column of a cell covering the columns from `first` to `last` ('actions': the row's last track). */
export function spanColumns(first: ColumnKey, last: ColumnKey | 'actions'): string {
  const index = (key: ColumnKey | 'actions') =>
    key === 'actions' ? columns.length : columns.findIndex((column) => column.key === key);
  return `span ${index(last) - index(first) + 1}`;
}
