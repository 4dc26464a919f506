/**
 * The report folder of `ttlab reproduce --dir DIR`: the table as results.csv and RESULTS.md, each experiment's wall
 * time beside the authors' stated time, and the paper's figures redrawn from the stored runs as PNGs; or the same
 * files zipped, for the app.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { strToU8 } from 'fflate';
import { formatDuration } from '#shared/base/duration';
import { zipFiles } from '../report/exportReport';
import { renderChartPng } from '../report/render';
import type { RunStore } from '../store';
import { verdict, allPass } from './table';
import type { ExperimentOutcome, Figure, Tier } from './types';

/** Figure size in CSS pixels, drawn at twice the resolution. */
const FIGURE_WIDTH = 960;
const FIGURE_HEIGHT = 480;

/** A markdown table cell: pipes escaped, no line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const markdownRow = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;

export function resultsCsv(outcomes: readonly ExperimentOutcome[]): string {
  const rows = outcomes.flatMap((outcome) =>
    outcome.rows.map((row) => [row.experiment, row.claim, row.expected, row.measured, verdict(row)]),
  );
  return stringify([['experiment', 'claim', 'expected', 'measured', 'result'], ...rows]);
}

export function resultsMarkdown(
  outcomes: readonly ExperimentOutcome[],
  tier: Tier,
  figures: ReadonlyArray<{ experiment: string; figure: Figure }>,
): string {
  const rows = outcomes.flatMap((outcome) => outcome.rows);
  const failed = rows.filter((row) => !row.pass).length;
  const lines = [
    `# Reproduction of Marion & Berthier (NeurIPS 2023), ${tier} tier`,
    '',
    allPass(outcomes) ? `All ${rows.length} checks pass.` : `${failed} of ${rows.length} checks fail.`,
    '',
    markdownRow(['experiment', 'claim', 'expected', 'measured', 'result']),
    markdownRow(['---', '---', '---', '---', '---']),
    ...rows.map((row) => markdownRow([row.experiment, row.claim, row.expected, row.measured, verdict(row)])),
    '',
    '## Wall time',
    '',
    markdownRow(['experiment', 'what the paper shows', 'runs', 'wall time here', "authors' stated time"]),
    markdownRow(['---', '---', '---:', '---:', '---:']),
    ...outcomes.map((outcome) =>
      markdownRow([
        outcome.experiment.name,
        outcome.experiment.summary,
        String(outcome.runs.length),
        formatDuration(outcome.wallMs / 1000, { compact: true }),
        outcome.experiment.paperTime ?? '—',
      ]),
    ),
  ];
  if (figures.length > 0) {
    lines.push('', '## Figures', '');
    for (const { experiment, figure } of figures)
      lines.push(`**${experiment}**: ${figure.caption}`, '', `![${cell(figure.caption)}](${figure.file})`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The report's files in memory, name to bytes: the figures as PNG, results.csv and RESULTS.md. */
export function reportFiles(
  outcomes: readonly ExperimentOutcome[],
  tier: Tier,
  store: Pick<RunStore, 'getCheckpoints'>,
): Record<string, Uint8Array> {
  const figures = outcomes.flatMap((outcome) =>
    (outcome.experiment.figures?.(outcome.runs, (run) => store.getCheckpoints(run.runId)) ?? []).map((figure) => ({
      experiment: outcome.experiment.name,
      figure,
    })),
  );
  const files: Record<string, Uint8Array> = {};
  for (const { figure } of figures) {
    files[figure.file] = renderChartPng(figure.option, {
      width: figure.width ?? FIGURE_WIDTH,
      height: figure.height ?? FIGURE_HEIGHT,
      pixelRatio: 2,
    });
  }
  files['results.csv'] = strToU8(resultsCsv(outcomes));
  files['RESULTS.md'] = strToU8(resultsMarkdown(outcomes, tier, figures));
  return files;
}

/** Writes the report into `dir` (created when missing); returns the files written. */
export function writeReport(
  dir: string,
  outcomes: readonly ExperimentOutcome[],
  tier: Tier,
  store: Pick<RunStore, 'getCheckpoints'>,
): string[] {
  mkdirSync(dir, { recursive: true });
  const files = reportFiles(outcomes, tier, store);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return Object.keys(files);
}

/** The same files as a zip archive, which the app downloads. */
export function reportZip(
  outcomes: readonly ExperimentOutcome[],
  tier: Tier,
  store: Pick<RunStore, 'getCheckpoints'>,
): Uint8Array {
  return zipFiles(reportFiles(outcomes, tier, store));
}
