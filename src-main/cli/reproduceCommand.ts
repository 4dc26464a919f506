/** `ttlab reproduce [--quick | --full] [--only NAME,...] [--db FILE] [--dir DIR] [--json]`: docs/MODEL.md section 6 as checks. */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatDuration } from '#shared/base/duration';
import { sweepSize } from '#shared/config/sweep';
import { experimentNames, experiments } from '../reproduce/experiments';
import { formatTable, allPass, tableJson } from '../reproduce/table';
import { writeReport } from '../reproduce/report';
import { experimentSweep, runExperiment, sweepName } from '../reproduce/runner';
import type { Experiment, ExperimentOutcome, Tier } from '../reproduce/types';
import { commaList, parseFlags } from './args';
import { jsonText } from './jsonOutput';
import { runSweep } from './sweepRun';
import { openCliStore } from './database';
import { UsageError } from '#shared/base/errors';

/** The experiments named by --only (comma-separated), in their usual order; all of them without --only. */
export function selectExperiments(only: string | undefined): Experiment[] {
  if (only === undefined) return [...experiments];
  const names = commaList(only);
  const unknown = names.filter((name) => !experimentNames.includes(name));
  if (names.length === 0)
    throw new UsageError(`--only: expected experiment names; known: ${experimentNames.join(', ')}`);
  if (unknown.length > 0)
    throw new UsageError(
      `--only: unknown experiment ${unknown.map((name) => JSON.stringify(name)).join(', ')}; known: ${experimentNames.join(', ')}`,
    );
  return experiments.filter((experiment) => names.includes(experiment.name));
}

/** A line on stderr, first clearing the sweep's progress bar when stderr is a terminal. */
function note(text: string): void {
  process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${text}\n`);
}

/** The report folder, refused up front when it names a file, so that no run ends with nowhere to write. */
function reportDir(dir: string | undefined): string | undefined {
  if (dir === undefined) return undefined;
  const path = resolve(dir);
  if (existsSync(path) && !statSync(path).isDirectory()) throw new UsageError(`--dir: ${path} is a file, not a folder`);
  return path;
}

export async function reproduceCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    quick: { type: 'boolean' },
    full: { type: 'boolean' },
    only: { type: 'string' },
    db: { type: 'string' },
    dir: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.quick && values.full) throw new UsageError('--quick and --full exclude each other');
  const tier: Tier = values.full ? 'full' : 'quick';
  const selected = selectExperiments(values.only);
  const dir = reportDir(values.dir);
  const store = openCliStore(values.db);
  try {
    const outcomes: ExperimentOutcome[] = [];
    for (const experiment of selected) {
      note(`${sweepName(experiment, tier)}: ${sweepSize(experimentSweep(experiment, tier))} runs`);
      const outcome = await runExperiment(experiment, tier, store, (spec) => runSweep(spec, store, false));
      const passed = outcome.rows.filter((row) => row.pass).length;
      note(
        `${sweepName(experiment, tier)}: done in ${formatDuration(outcome.wallMs / 1000, { compact: true })}, ${passed}/${outcome.rows.length} checks pass`,
      );
      outcomes.push(outcome);
    }
    if (dir) {
      const files = writeReport(dir, outcomes, tier, store);
      note(`report: ${files.length} files in ${dir}`);
    }
    process.stdout.write(values.json ? jsonText(tableJson(outcomes, tier)) : `${formatTable(outcomes, tier)}\n`);
    return allPass(outcomes) ? 0 : 1;
  } finally {
    store.close();
  }
}
