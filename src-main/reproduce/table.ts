/** The reproduction table as text for a terminal, as JSON, and the summary both share. */
import type { CheckRow, ExperimentOutcome, Tier } from './types';

const COLUMNS = ['experiment', 'claim', 'expected', 'measured', 'result'] as const;

export const verdict = (row: CheckRow) => (row.pass ? 'pass' : 'FAIL');

export const allPass = (outcomes: readonly ExperimentOutcome[]) =>
  outcomes.every((outcome) => outcome.rows.every((row) => row.pass));

/** Aligned columns, one check a line, then a one-line verdict. */
export function formatTable(outcomes: readonly ExperimentOutcome[], tier: Tier): string {
  const rows = outcomes.flatMap((outcome) => outcome.rows);
  const cells = rows.map((row) => [row.experiment, row.claim, row.expected, row.measured, verdict(row)]);
  const widths = COLUMNS.map((title, c) => Math.max(title.length, ...cells.map((line) => line[c].length)));
  const line = (values: readonly string[]) =>
    values
      .map((value, c) => value.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  const failed = rows.filter((row) => !row.pass).length;
  const summary =
    failed === 0
      ? `all ${rows.length} checks pass (${tier} tier)`
      : `${failed} of ${rows.length} checks FAIL (${tier} tier)`;
  return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line), '', summary].join('\n');
}

/** What --json prints: the verdict, each experiment's sweep and wall time, and every check. */
export function tableJson(outcomes: readonly ExperimentOutcome[], tier: Tier) {
  return {
    tier,
    pass: allPass(outcomes),
    experiments: outcomes.map((outcome) => ({
      name: outcome.experiment.name,
      runs: outcome.runs.length,
      wallSeconds: Number((outcome.wallMs / 1000).toFixed(1)),
      paperTime: outcome.experiment.paperTime,
      pass: outcome.rows.every((row) => row.pass),
    })),
    checks: outcomes.flatMap((outcome) => outcome.rows),
  };
}
