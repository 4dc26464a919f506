/**
 * `ttlab export`: a run, several runs or a sweep as a report image (--png, --svg, vector --pdf; at --size laid out for
 * a paper; one chart alone with --chart NAME at --size), an interactive HTML report (--html), a metrics CSV (--csv) or
 * a whole report folder (--dir).
 * Every output is checked before anything is computed, and written atomically.
 */
import { errorMessage, NotFoundError, UsageError } from '#shared/base/errors';
import { metricsCsv } from '../report/csv';
import { loadReport, type ReportData, type ReportTarget } from '../report/data';
import {
  checkTarget,
  defaultContext,
  kindAt,
  ReportWriteError,
  writeFileAtomically,
  writeFolderAtomically,
} from '../report/exportReport';
import { reportFiles } from '../report/files';
import { reportPng } from '../report/image';
import type { RunStore } from '../store';
import { commaList, exactlyOne, parseFlags } from './args';
import { openCliStore } from './database';
import { figureBytes, parseFigureFlags, type FigureFormat } from './figureOutputs';
import { checkOutputFolder } from './outputFile';

type Output = 'png' | 'csv' | 'dir' | FigureFormat;

function parseTarget(values: { run?: string; sweep?: string; runs?: string }): { target: ReportTarget; flag: string } {
  const flag = exactlyOne(values, { run: 'ID', sweep: 'ID', runs: 'ID,ID,...' });
  if (flag === 'run') return { target: { runId: values.run! }, flag };
  if (flag === 'sweep') return { target: { sweepId: values.sweep! }, flag };
  const runIds = commaList(values.runs!);
  if (runIds.length === 0) throw new UsageError('--runs: expected run ids separated by commas');
  return { target: { runIds }, flag: 'runs' };
}

/**
 * An output path that can be written: its folder exists and is writable, and it is new, or --force and a regular file
 * (a folder for --dir, whose other contents stay).
 */
function checkOutput(flag: Output, file: string, force: boolean): string {
  const path = checkOutputFolder(flag, file);
  if (kindAt(path) !== 'none' && !force)
    throw new UsageError(`--${flag}: ${path} exists already; add --force to replace it`);
  try {
    checkTarget(path, force, flag === 'dir' ? 'folder' : 'file');
  } catch (error) {
    throw new UsageError(`--${flag}: ${errorMessage(error)}`);
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
    'spreadsheet-safe': { type: 'boolean' },
    svg: { type: 'string' },
    pdf: { type: 'string' },
    html: { type: 'string' },
    chart: { type: 'string' },
    size: { type: 'string' },
    band: { type: 'string' },
  });
  const { target, flag } = parseTarget(values);
  const force = values.force ?? false;
  const outputs = (['png', 'csv', 'dir', 'svg', 'pdf', 'html'] as const).filter(
    (output) => values[output] !== undefined,
  );
  if (outputs.length === 0)
    throw new UsageError(
      'give at least one of --png FILE, --svg FILE, --pdf FILE, --html FILE, --csv FILE or --dir DIR',
    );
  const figure = parseFigureFlags(values, outputs);
  const paths = Object.fromEntries(
    outputs.map((output) => [output, checkOutput(output, values[output]!, force)]),
  ) as Partial<Record<Output, string>>;
  if (new Set(Object.values(paths)).size !== outputs.length)
    throw new UsageError('--png, --svg, --pdf, --html, --csv and --dir need different paths');

  const store = openCliStore(values.db, { mustExist: true, readonly: true });
  try {
    const data = load(store, target, flag);
    const context = defaultContext();
    // With --dir every file is built once and the single-file outputs reuse them.
    const csvOptions = { spreadsheetSafe: values['spreadsheet-safe'] ?? false };
    const files = paths.dir ? reportFiles(data, context, { ...csvOptions, size: figure.size }) : undefined;
    const written: string[] = [];
    try {
      if (paths.dir) {
        writeFolderAtomically(paths.dir, files!, { force });
        written.push(paths.dir);
      }
      if (paths.png) {
        const png =
          figure.chart === undefined
            ? (files?.['report.png'] ?? reportPng(data, context, { size: figure.size }))
            : await figureBytes('png', data, context, figure);
        writeFileAtomically(paths.png, png, { force });
        written.push(paths.png);
      }
      for (const format of ['svg', 'pdf', 'html'] as const) {
        const path = paths[format];
        if (path === undefined) continue;
        writeFileAtomically(path, await figureBytes(format, data, context, figure), { force });
        written.push(path);
      }
      if (paths.csv) {
        writeFileAtomically(paths.csv, files?.['metrics.csv'] ?? metricsCsv(data.runs, csvOptions), { force });
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
