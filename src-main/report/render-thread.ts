/**
 * Renders a report on a worker thread (render-worker.ts): the host's event loop stays free while the charts are drawn
 * and the PNG or PDF encoded. One worker per report, ended once it answered.
 */
import type { ReportFormat } from '../../src-shared/api/contract';
import { RemoteError } from '../../src-shared/api/errors';
import { askWorker, startWorker } from '../threads/start-worker';
import type { ReportContext, ReportData } from './data';
import type { RenderReply, RenderRequest } from './render-worker';

/** The report's bytes in `format` (default: the zipped folder), built on a worker thread; rejects with the renderer's error (its name kept). */
export async function renderReportZip(data: ReportData, context: ReportContext, options: RenderRequest['options'] = {}, format?: ReportFormat): Promise<Uint8Array> {
  const worker = startWorker(import.meta.url, 'render-worker.ts', 'reportWorker.js');
  const reply = await askWorker<RenderReply>(worker, { data, context, options, format } satisfies RenderRequest);
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.zip;
}
