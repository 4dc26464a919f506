/**
 * The report page as a vector PDF: the same SVG page as report.svg, one page whose size is the page's CSS size in
 * points (1 px = 0.75 pt, as browsers print), or exactly the page's size in points at a figure size; fonts embedded.
 */
import type { ReportContext, ReportData } from './data';
import { reportSvg, type ReportPage, type ReportPageOptions } from './image';
import { pdfDocument } from './pdf';

/** CSS pixels to PDF points (96 px and 72 pt are one inch). */
export const POINTS_PER_PIXEL = 0.75;

/** A title for the PDF's document information, from what the report is about. */
export function reportTitle(data: ReportData): string {
  if (data.kind === 'run') return `Run report: ${data.runs[0].detail.name}`;
  if (data.kind === 'sweep') return `Sweep report: ${data.sweep.name}`;
  return `Comparison of ${data.runs.length} runs`;
}

/** The report page SVG (from reportSvg) as a one-page PDF. */
function pagePdf(page: ReportPage, title: string, context: ReportContext): Promise<Buffer> {
  const info = { title, creator: `Two-Timescale Lab ${context.version}`, createdAt: context.exportedAt };
  const points = page.unit === 'pt' ? 1 : POINTS_PER_PIXEL;
  return pdfDocument([{ svg: page.svg, width: page.width * points, height: page.height * points }], info);
}

export function reportPdf(data: ReportData, context: ReportContext, options: ReportPageOptions = {}): Promise<Buffer> {
  return pagePdf(reportSvg(data, context, options), reportTitle(data), context);
}
