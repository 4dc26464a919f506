/**
 * runs.csv: one row per run, its summary then every configuration field as a dotted column (config.sgd.epsilon);
 * arrays (target positions, listed inits) as JSON text. Numbers round-trip exactly (see csv.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { RunDetail } from '../../src-shared/api/contract';
import { fieldUnion, flattenConfig, type FieldValue } from '../../src-shared/analysis/configFields';
import { hasConvergenceRule, isConverged } from '../../src-shared/analysis/convergence';
import { numberCell } from './csv';
import { floorOf } from './summary';

const text = (value: string | null) => value ?? '';
const flag = (value: boolean | null) => (value === null ? '' : String(value));

/** Summary columns, each with how it is read from a run. */
const summaryColumns: Array<[string, (run: RunDetail) => string]> = [
  ['run_id', (run) => run.id],
  ['run_name', (run) => run.name],
  ['status', (run) => run.status],
  ['sweep_id', (run) => text(run.sweepId)],
  ['created_at', (run) => run.createdAt],
  ['finished_at', (run) => text(run.finishedAt)],
  ['duration_ms', (run) => numberCell(run.durationMs)],
  ['steps', (run) => numberCell(run.steps)],
  ['total_steps', (run) => numberCell(run.totalSteps)],
  ['final_loss', (run) => numberCell(run.finalLoss)],
  ['best_loss', (run) => numberCell(run.bestLoss)],
  ['limit_final_loss', (run) => numberCell(run.limitFinalLoss)],
  ['limit_note', (run) => text(run.limitNote)],
  ['covered_jumps', (run) => numberCell(run.coveredJumps)],
  ['total_jumps', (run) => numberCell(run.totalJumps)],
  ['loss_floor', (run) => numberCell(floorOf(run))],
  ['converged', (run) => flag(hasConvergenceRule(run) ? isConverged(run) : null)],
  ['tags', (run) => JSON.stringify(run.tags)],
  ['starred', (run) => String(run.starred)],
  ['error', (run) => text(run.error)],
];

function fieldCell(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'number' ? numberCell(value) : String(value);
}

export function runsCsv(runs: readonly RunDetail[]): string {
  const flat = runs.map((run) => flattenConfig(run.config));
  const paths = fieldUnion(flat);
  const header = [...summaryColumns.map(([name]) => name), ...paths.map((path) => `config.${path}`)];
  const rows = runs.map((run, i) => [...summaryColumns.map(([, read]) => read(run)), ...paths.map((path) => fieldCell(flat[i].get(path)))]);
  return stringify([header, ...rows]);
}
