/** A report written straight from a store in this process, from the parts the render process and the CLI compose. */
import { resolve } from 'node:path';
import { loadReport, type ReportSource, type ReportTarget } from '../../src-main/report/data';
import {
  checkTarget,
  defaultContext,
  writeFolderAtomically,
  zipFiles,
  type ExportOptions,
} from '../../src-main/report/exportReport';
import { reportFiles } from '../../src-main/report/files';

/** Writes the report folder `dir` (report.png, report.svg, metrics.csv, neurons.csv, runs.csv, config.json). */
export function exportReport(
  store: ReportSource,
  target: ReportTarget,
  dir: string,
  options: ExportOptions = {},
): { dir: string; files: string[] } {
  const path = resolve(dir);
  checkTarget(path, options.force, 'folder');
  const files = reportFiles(loadReport(store, target), options.context ?? defaultContext(), options);
  writeFolderAtomically(path, files, options);
  return { dir: path, files: Object.keys(files) };
}

/** The same files as a zip archive, as the render process zips them: the PNG stored, the text deflated. */
export function exportReportZip(
  store: ReportSource,
  target: ReportTarget,
  options: Omit<ExportOptions, 'force'> = {},
): Uint8Array {
  return zipFiles(reportFiles(loadReport(store, target), options.context ?? defaultContext(), options));
}
