/**
 * What the render process (renderEntry.ts) does for one request: a report in one of its formats (SVG through ECharts,
 * PNG through resvg, PDF, HTML, CSVs, zipped), or one of the window's chart figures as PDF or PNG. A report's runs are
 * read from the lab's database by the render process itself, on a read-only connection: only the database's name
 * crosses over, however many checkpoints the report draws. An in-memory store, which no other process can open,
 * sends the data itself.
 */
import type { ParsedParams, ReportFormat } from '#shared/api/contract';
import { openStore } from '../store';
import { loadReport, type ReportContext, type ReportData, type ReportTarget } from './data';
import { zipFiles, type ExportOptions } from './exportReport';
import { renderFigure } from './figureRequest';
import { reportFiles } from './files';
import { reportHtml } from './html';
import { reportPdf } from './reportPdf';

/** Where a report's runs come from: the lab's database file (read by the render process), or the data itself. */
type ReportInput = { database: { file: string; nativeBinding?: string }; target: ReportTarget } | { data: ReportData };

export type RenderRequest =
  | {
      kind: 'report';
      input: ReportInput;
      context: ReportContext;
      options: Omit<ExportOptions, 'force' | 'context'>;
      /** format: the zipped folder (default), the page as PDF, or the interactive HTML report. */
      format?: ReportFormat;
    }
  | { kind: 'figure'; params: ParsedParams<'renderFigure'> };

/** The bytes the request asks for. */
export async function renderRequest(request: RenderRequest): Promise<Uint8Array> {
  if (request.kind === 'figure') return (await renderFigure(request.params)).data;
  const { input, context, options, format = 'zip' } = request;
  const data = 'data' in input ? input.data : readReport(input.database, input.target);
  if (format === 'pdf') return reportPdf(data, context, options);
  if (format === 'html') return new TextEncoder().encode(reportHtml(data, context));
  return zipFiles(reportFiles(data, context, options));
}

/** The report's runs, read on a read-only connection of this process's own (NotFoundError for a run gone meanwhile). */
function readReport(database: { file: string; nativeBinding?: string }, target: ReportTarget): ReportData {
  const store = openStore(database.file, { readonly: true, nativeBinding: database.nativeBinding });
  try {
    return loadReport(store, target);
  } finally {
    store.close();
  }
}
