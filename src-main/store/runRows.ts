/**
 * Rows of the runs table and their conversion to the contract's RunSummary and RunDetail. Rows are read in raw mode
 * (arrays, columns in SELECT order): better-sqlite3 builds a row object key by key, which tripled the time to list
 * 10,000 runs.
 */
import type { CoverageEntry, RunDetail, RunSummary } from '#shared/api/contract';
import { runConfigSchema } from '#shared/config/schema';
import { provenanceSchema } from '#shared/run/provenance';
import { parseStoredJson } from './storedJson';

/** Most runs have no tags: no JSON.parse for them. */
const parseTags = (json: string): string[] => (json === '[]' ? [] : (JSON.parse(json) as string[]));

/** A column of the run list that is stored as its field is. */
const column = <F extends keyof RunSummary>(name: string, field: F) => ({ name, field });
/** A column of the run list stored otherwise, with what turns the stored value (`Raw`) into the field. */
const converted = <F extends keyof RunSummary, Raw>(name: string, field: F, convert: (raw: Raw) => RunSummary[F]) => ({
  name,
  field,
  convert,
});

/**
 * The columns the run list needs (no config, coverage or notes, which can be large), in the order of the SELECT and of
 * its raw rows: the SELECT, the row type and the conversion to RunSummary are all derived from this list.
 */
const summaryColumns = [
  column('id', 'id'),
  column('name', 'name'),
  column('status', 'status'),
  column('trainer', 'trainer'),
  column('m', 'm'),
  column('eta', 'eta'),
  column('h', 'h'),
  column('epsilon', 'epsilon'),
  column('seed', 'seed'),
  column('steps', 'steps'),
  column('total_steps', 'totalSteps'),
  column('final_loss', 'finalLoss'),
  column('best_loss', 'bestLoss'),
  column('limit_final_loss', 'limitFinalLoss'),
  column('covered_jumps', 'coveredJumps'),
  column('total_jumps', 'totalJumps'),
  column('duration_ms', 'durationMs'),
  column('created_at', 'createdAt'),
  column('finished_at', 'finishedAt'),
  /** A JSON array of strings. */
  converted('tags', 'tags', parseTags),
  converted('starred', 'starred', (raw: 0 | 1) => raw === 1),
  column('sweep_id', 'sweepId'),
  column('error', 'error'),
] as const;

type Column = (typeof summaryColumns)[number];
/** Fails to compile when a field of RunSummary has no column. */
const _everyFieldHasAColumn: [Exclude<keyof RunSummary, Column['field']>] extends [never]
  ? true
  : Exclude<keyof RunSummary, Column['field']> = true;

/** What a column stores: its conversion's argument, else the field itself. */
type RawOf<C> = C extends { convert: (raw: infer Raw) => unknown }
  ? Raw
  : C extends { field: infer F extends keyof RunSummary }
    ? RunSummary[F]
    : never;
type RawRow<Columns extends readonly unknown[]> = { -readonly [I in keyof Columns]: RawOf<Columns[I]> };

/** A raw row of SUMMARY_COLUMNS: each column's stored value, in the list's order. */
export type SummaryRow = RawRow<typeof summaryColumns>;

export const SUMMARY_COLUMNS = summaryColumns.map((c) => c.name).join(', ');

/** SUMMARY_COLUMNS then these: the columns of a full run, in DetailRow order. */
export const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, config, notes, coverage, limit_note, provenance`;

/** What DETAIL_COLUMNS adds to a summary row. */
type DetailColumns = [
  config: string,
  notes: string,
  /** JSON array of CoverageEntry. */
  coverage: string,
  limit_note: string | null,
  /** JSON of a Provenance, NULL for runs stored before schema 3. */
  provenance: string | null,
];

/** A raw row of DETAIL_COLUMNS. */
export type DetailRow = [...summary: SummaryRow, ...detail: DetailColumns];

/**
 * A raw row to its RunSummary, compiled once from the list into one object literal, which costs what a hand-written
 * literal does: objects filled field by field in a loop, even copies of a template of the right shape, took 30 to 300
 * times as long for 10,000 runs. The compiled code holds nothing but the list's field names and column indices.
 */
export const toSummary = new Function(
  'convert',
  `return (row) => ({ ${summaryColumns.map((c, i) => `${c.field}: ${'convert' in c ? `convert[${i}](row[${i}])` : `row[${i}]`}`).join(', ')} });`,
)(summaryColumns.map((c) => ('convert' in c ? c.convert : null))) as (row: SummaryRow | DetailRow) => RunSummary;

/** The full run; its configuration is validated with runConfigSchema, naming the run and the field when it fails. */
export function toDetail(row: DetailRow): RunDetail {
  const summary = toSummary(row);
  const [config, notes, coverage, limitNote, provenance] = row.slice(summaryColumns.length) as DetailColumns;
  const which = `run ${summary.id} ("${summary.name}")`;
  return {
    ...summary,
    config: parseStoredJson(runConfigSchema, config, which, 'config'),
    notes,
    coverage: JSON.parse(coverage) as CoverageEntry[],
    limitNote,
    provenance: provenance === null ? null : parseStoredJson(provenanceSchema, provenance, which, 'provenance'),
  };
}
