/** Rows of the runs table and their conversion to the contract's RunSummary and RunDetail. */
import type { CoverageEntry, RunDetail, RunStatus, RunSummary } from '../../src-shared/api/contract';
import { runConfigSchema, type RunConfig } from '../../src-shared/config/schema';
import { parseStoredJson } from './stored-json';

/** Columns the run list needs (no config, coverage or notes, which can be large). */
export const SUMMARY_COLUMNS = `id, name, status, trainer, m, eta, h, epsilon, seed, steps, total_steps, final_loss, best_loss,
  limit_final_loss, covered_jumps, total_jumps, duration_ms, created_at, finished_at, tags, starred, sweep_id, error`;

export interface SummaryRow {
  id: string;
  name: string;
  status: RunStatus;
  trainer: RunConfig['trainer'];
  m: number;
  eta: number;
  h: number;
  epsilon: number;
  seed: number;
  steps: number;
  total_steps: number;
  final_loss: number | null;
  best_loss: number | null;
  limit_final_loss: number | null;
  covered_jumps: number | null;
  total_jumps: number;
  duration_ms: number | null;
  created_at: string;
  finished_at: string | null;
  /** JSON array of strings. */
  tags: string;
  starred: 0 | 1;
  sweep_id: string | null;
  error: string | null;
}

export interface DetailRow extends SummaryRow {
  config: string;
  notes: string;
  /** JSON array of CoverageEntry. */
  coverage: string;
  limit_note: string | null;
}

export function toSummary(row: SummaryRow): RunSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    trainer: row.trainer,
    m: row.m,
    eta: row.eta,
    h: row.h,
    epsilon: row.epsilon,
    seed: row.seed,
    steps: row.steps,
    totalSteps: row.total_steps,
    finalLoss: row.final_loss,
    bestLoss: row.best_loss,
    limitFinalLoss: row.limit_final_loss,
    coveredJumps: row.covered_jumps,
    totalJumps: row.total_jumps,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    tags: JSON.parse(row.tags) as string[],
    starred: row.starred === 1,
    sweepId: row.sweep_id,
    error: row.error,
  };
}

/** The full run; its configuration is validated with runConfigSchema, naming the run and the field when it fails. */
export function toDetail(row: DetailRow): RunDetail {
  return {
    ...toSummary(row),
    config: parseStoredJson(runConfigSchema, row.config, `run ${row.id} ("${row.name}")`, 'config'),
    notes: row.notes,
    coverage: JSON.parse(row.coverage) as CoverageEntry[],
    limitNote: row.limit_note,
  };
}
