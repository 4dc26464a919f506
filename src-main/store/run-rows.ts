/**
 * Rows of the runs table and their conversion to the contract's RunSummary and RunDetail. Rows are read in raw mode
 * (arrays, columns in SELECT order): better-sqlite3 builds a row object key by key, which tripled the time to list
 * 10,000 runs.
 */
import type { CoverageEntry, RunDetail, RunStatus, RunSummary } from '../../src-shared/api/contract';
import { runConfigSchema, type RunConfig } from '../../src-shared/config/schema';
import { provenanceSchema } from '../../src-shared/run/provenance';
import { parseStoredJson } from './stored-json';

/** Columns the run list needs (no config, coverage or notes, which can be large), in SummaryRow order. */
export const SUMMARY_COLUMNS = `id, name, status, trainer, m, eta, h, epsilon, seed, steps, total_steps, final_loss, best_loss,
  limit_final_loss, covered_jumps, total_jumps, duration_ms, created_at, finished_at, tags, starred, sweep_id, error`;

/** SUMMARY_COLUMNS then these: the columns of a full run, in DetailRow order. */
export const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, config, notes, coverage, limit_note, provenance`;

/** A raw row of SUMMARY_COLUMNS. */
export type SummaryRow = [
  id: string,
  name: string,
  status: RunStatus,
  trainer: RunConfig['trainer'],
  m: number,
  eta: number,
  h: number,
  epsilon: number,
  seed: number,
  steps: number,
  total_steps: number,
  final_loss: number | null,
  best_loss: number | null,
  limit_final_loss: number | null,
  covered_jumps: number | null,
  total_jumps: number,
  duration_ms: number | null,
  created_at: string,
  finished_at: string | null,
  /** JSON array of strings. */
  tags: string,
  starred: 0 | 1,
  sweep_id: string | null,
  error: string | null,
];

/** A raw row of DETAIL_COLUMNS. */
export type DetailRow = [
  ...summary: SummaryRow,
  config: string,
  notes: string,
  /** JSON array of CoverageEntry. */
  coverage: string,
  limit_note: string | null,
  /** JSON of a Provenance, NULL for runs stored before schema 3. */
  provenance: string | null,
];

/** Most runs have no tags: no JSON.parse for them. */
const parseTags = (json: string): string[] => (json === '[]' ? [] : (JSON.parse(json) as string[]));

export function toSummary(row: SummaryRow | DetailRow): RunSummary {
  return {
    id: row[0],
    name: row[1],
    status: row[2],
    trainer: row[3],
    m: row[4],
    eta: row[5],
    h: row[6],
    epsilon: row[7],
    seed: row[8],
    steps: row[9],
    totalSteps: row[10],
    finalLoss: row[11],
    bestLoss: row[12],
    limitFinalLoss: row[13],
    coveredJumps: row[14],
    totalJumps: row[15],
    durationMs: row[16],
    createdAt: row[17],
    finishedAt: row[18],
    tags: parseTags(row[19]),
    starred: row[20] === 1,
    sweepId: row[21],
    error: row[22],
  };
}

/** The full run; its configuration is validated with runConfigSchema, naming the run and the field when it fails. */
export function toDetail(row: DetailRow): RunDetail {
  return {
    ...toSummary(row),
    config: parseStoredJson(runConfigSchema, row[23], `run ${row[0]} ("${row[1]}")`, 'config'),
    notes: row[24],
    coverage: JSON.parse(row[25]) as CoverageEntry[],
    limitNote: row[26],
    provenance: row[27] === null ? null : parseStoredJson(provenanceSchema, row[27], `run ${row[0]} ("${row[1]}")`, 'provenance'),
  };
}
