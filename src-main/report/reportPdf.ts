/**
 * The report page as a vector PDF: the same SVG page as report.svg, one page whose size is the page's CSS size in
 * points (1 px = 0.75 pt, as browsers print), fonts embedded.
 */
import type { ReportContext, ReportData } from './data';
import { reportSvg } from './image';
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
export function pagePdf(page: { svg: string; width: number; height: number }, title: string, context: ReportContext): Promise<Buffer> {
  const info = { title, creator: `Two-Timescale Lab ${context.version}`, createdAt: context.exportedAt };
  return pdfDocument([{ svg: page.svg, width: page.width * POINTS_PER_PIXEL, height: page.height * POINTS_PER_PIXEL }], info);
}

export function reportPdf(data: ReportData, context: ReportContext): Promise<Buffer> {
  return pagePdf(reportSvg(data, context), reportTitle(data), context);
}
