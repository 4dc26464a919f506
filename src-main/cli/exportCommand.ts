/**
 * `ttlab export`: a run, several runs or a sweep as a report image (--png), a metrics CSV (--csv) or a whole report
 * folder (--dir). Every output is checked before anything is computed, and written atomically.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NotFoundError } from '../../src-shared/api/errors';
import { metricsCsv } from '../report/csv';
import { loadReport, type ReportData, type ReportTarget } from '../report/data';
import { defaultContext, ReportWriteError, writeFileAtomically, writeFolderAtomically } from '../report/exportReport';
import { reportFiles } from '../report/files';
import { reportPng } from '../report/image';
import type { RunStore } from '../store';
import { parseFlags } from './args';
import { openCliStore } from './database';
import { UsageError } from './errors';

type Output = 'png' | 'csv' | 'dir';

function parseTarget(values: { run?: string; sweep?: string; runs?: string }): { target: ReportTarget; flag: string } {
  const given = (['run', 'sweep', 'runs'] as const).filter((flag) => values[flag] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --run ID, --sweep ID or --runs ID,ID,...');
  if (values.run !== undefined) return { target: { runId: values.run }, flag: 'run' };
  if (values.sweep !== undefined) return { target: { sweepId: values.sweep }, flag: 'sweep' };
  const runIds = values.runs!.split(',').map((id) => id.trim()).filter(Boolean);
  if (runIds.length === 0) throw new UsageError('--runs: expected run ids separated by commas');
  return { target: { runIds }, flag: 'runs' };
}

/** An output path that can be written: its folder exists and is writable, and it is new (or --force, and not a folder for a file). */
function checkOutput(flag: Output, file: string, force: boolean): string {
  const path = resolve(file);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--${flag}: folder ${folder} does not exist`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--${flag}: folder ${folder} is not writable`);
  }
  if (existsSync(path)) {
    if (!force) throw new UsageError(`--${flag}: ${path} exists already; add --force to replace it`);
    if (flag !== 'dir' && statSync(path).isDirectory()) throw new UsageError(`--${flag}: ${path} is a folder`);
  }
  return path;
}

function load(store: RunStore, target: ReportTarget, flag: string): ReportData {
  try {
    return loadReport(store, target);
  } catch (error) {
    if (error instanceof NotFoundError) throw new UsageError(`--${flag}: ${error.message}`);
    throw error;
  }
}

export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseFlags(args, {
    run: { type: 'string' },
    sweep: { type: 'string' },
    runs: { type: 'string' },
    db: { type: 'string' },
    png: { type: 'string' },
    csv: { type: 'string' },
    dir: { type: 'string' },
    force: { type: 'boolean' },
  });
  const { target, flag } = parseTarget(values);
  const force = values.force ?? false;
  const outputs = (['png', 'csv', 'dir'] as const).filter((output) => values[output] !== undefined);
  if (outputs.length === 0) throw new UsageError('give at least one of --png FILE, --csv FILE or --dir DIR');
  const paths = Object.fromEntries(outputs.map((output) => [output, checkOutput(output, values[output]!, force)])) as Partial<Record<Output, string>>;
  if (new Set(Object.values(paths)).size !== outputs.length) throw new UsageError('--png, --csv and --dir need different paths');

  const store = openCliStore(values.db, { mustExist: true, readonly: true });
  try {
    const data = load(store, target, flag);
    const context = defaultContext();
    // With --dir every file is built once and the single-file outputs reuse them.
    const files = paths.dir ? reportFiles(data, context) : undefined;
    const written: string[] = [];
    try {
      if (paths.dir) {
        writeFolderAtomically(paths.dir, files!, { force });
        written.push(paths.dir);
      }
      if (paths.png) {
        writeFileAtomically(paths.png, files?.['report.png'] ?? reportPng(data, context), { force });
        written.push(paths.png);
      }
      if (paths.csv) {
        writeFileAtomically(paths.csv, files?.['metrics.csv'] ?? metricsCsv(data.runs), { force });
        written.push(paths.csv);
      }
    } catch (error) {
      if (error instanceof ReportWriteError) throw new UsageError(error.message);
      throw error;
    }
    for (const path of written) process.stdout.write(`wrote ${path}\n`);
    return 0;
  } finally {
    store.close();
  }
}
