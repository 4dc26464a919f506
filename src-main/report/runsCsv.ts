/**
 * runs.csv: one row per run, its summary then every configuration field as a dotted column (config.sgd.epsilon);
 * arrays (target positions, listed inits) as JSON text. Numbers round-trip exactly (see csv.ts).
 */
import type { RunDetail } from '#shared/api/contract';
import type { Provenance } from '#shared/run/provenance';
import { fieldUnion, flattenConfig, type FieldValue } from '#shared/analysis/configFields';
import { hasConvergenceRule, isConverged } from '#shared/analysis/convergence';
import { csvText, type Cell, type CsvOptions } from './csv';
import { floorOf } from './summary';

const text = (value: string | null) => value ?? '';
const flag = (value: boolean | null) => (value === null ? '' : String(value));

/** Summary columns, each with how it is read from a run. */
const summaryColumns: Array<[string, (run: RunDetail) => Cell]> = [
  ['run_id', (run) => run.id],
  ['run_name', (run) => run.name],
  ['status', (run) => run.status],
  ['sweep_id', (run) => text(run.sweepId)],
  ['created_at', (run) => run.createdAt],
  ['finished_at', (run) => text(run.finishedAt)],
  ['duration_ms', (run) => run.durationMs],
  ['steps', (run) => run.steps],
  ['total_steps', (run) => run.totalSteps],
  ['final_loss', (run) => run.finalLoss],
  ['best_loss', (run) => run.bestLoss],
  ['limit_final_loss', (run) => run.limitFinalLoss],
  ['limit_note', (run) => text(run.limitNote)],
  ['covered_jumps', (run) => run.coveredJumps],
  ['total_jumps', (run) => run.totalJumps],
  ['loss_floor', (run) => floorOf(run)],
  ['converged', (run) => flag(hasConvergenceRule(run) ? isConverged(run) : null)],
  ['tags', (run) => JSON.stringify(run.tags)],
  ['starred', (run) => String(run.starred)],
  ['error', (run) => text(run.error)],
  // Where the run came from; "unknown" for runs stored before provenance was recorded.
  ...(
    [
      ['app_version', (p) => p.appVersion],
      ['git_commit', (p) => text(p.gitCommit)],
      ['git_dirty', (p) => flag(p.gitDirty)],
      ['engine_build', (p) => p.engineBuildId],
      ['generator', (p) => p.generator],
      ['node', (p) => p.node],
      ['electron', (p) => text(p.electron)],
      ['chromium', (p) => text(p.chromium)],
      ['os', (p) => p.os],
      ['arch', (p) => p.arch],
      ['cpu', (p) => p.cpuModel],
      ['hostname', (p) => p.hostname],
      ['resumes', (p) => p.resumes.length],
    ] satisfies Array<[string, (provenance: Provenance) => Cell]>
  ).map(([name, read]): [string, (run: RunDetail) => Cell] => [
    `provenance_${name}`,
    (run) => (run.provenance ? read(run.provenance) : 'unknown'),
  ]),
];

function fieldCell(value: FieldValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  return typeof value === 'number' ? value : String(value);
}

export function runsCsv(runs: readonly RunDetail[], options: CsvOptions = {}): string {
  const flat = runs.map((run) => flattenConfig(run.config));
  const paths = fieldUnion(flat);
  const header = [...summaryColumns.map(([name]) => name), ...paths.map((path) => `config.${path}`)];
  const rows = runs.map((run, i) => [
    ...summaryColumns.map(([, read]) => read(run)),
    ...paths.map((path) => fieldCell(flat[i].get(path))),
  ]);
  return csvText([header, ...rows], options);
}
