/**
 * The report renderer's thread: builds a report's files (SVG through ECharts, PNG through resvg, CSVs) and zips them,
 * so that a host answering other requests never waits the seconds a report takes. Started by render-thread.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { ReportFormat } from '../../src-shared/api/contract';
import { toWireError } from '../../src-shared/api/errors';
import type { ReportContext, ReportData } from './data';
import { zipFiles } from './exportReport';
import { reportFiles } from './files';
import { reportHtml } from './html';
import { reportPdf } from './reportPdf';
import type { ExportOptions } from './exportReport';

/** What the host sends: the report's data, read from the store on the host's side. */
export interface RenderRequest {
  data: ReportData;
  context: ReportContext;
  options: Omit<ExportOptions, 'force' | 'context'>;
  /** format: the zipped folder (default), the page as PDF, or the interactive HTML report. */
  format?: ReportFormat;
}

/** The bytes of the report in `format`. */
async function render({ data, context, options, format = 'zip' }: RenderRequest): Promise<Uint8Array> {
  if (format === 'pdf') return reportPdf(data, context);
  if (format === 'html') return new TextEncoder().encode(reportHtml(data, context));
  return zipFiles(reportFiles(data, context, options));
}

export type RenderReply = { ok: true; zip: Uint8Array } | { ok: false; error: { name: string; message: string } };

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread (see render-thread.ts)');
port.once('message', async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { ok: true, zip: await render(request) };
  } catch (error) {
    reply = { ok: false, error: toWireError(error) };
  }
  port.postMessage(reply, reply.ok ? [reply.zip.buffer as ArrayBuffer] : []);
});
