/** The report image of a target: its blocks composed into one page, rasterised with the report fonts. */
import { comparisonReportBlocks } from './comparisonReport';
import type { ReportContext, ReportData } from './data';
import { composePage, type Block } from './page';
import { svgToPng, type PixelRatio } from './render';
import { runReportBlocks } from './runReport';
import { sweepReportBlocks } from './sweepReport';

function reportBlocks(data: ReportData, context: ReportContext): Block[] {
  if (data.kind === 'run') return runReportBlocks(data.runs[0], context);
  if (data.kind === 'comparison') return comparisonReportBlocks(data.runs, context);
  return sweepReportBlocks(data.sweep, data.runs, context);
}

/** Characters XML 1.0 refuses even escaped: a run name stored before names were validated may still hold them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** The report page as SVG, with its size in CSS pixels; characters XML refuses are drawn as U+FFFD. */
export function reportSvg(data: ReportData, context: ReportContext): { svg: string; width: number; height: number } {
  const page = composePage(reportBlocks(data, context));
  return { ...page, svg: page.svg.replace(NOT_XML, '\uFFFD') };
}

export interface ReportPngOptions {
  pixelRatio?: PixelRatio;
  /** fonts: font files to draw with (default: the report fonts). */
  fonts?: readonly string[];
}

/** A report page's SVG as PNG, PAGE_WIDTH x pixelRatio pixels wide (pixelRatio 2 by default). */
export function pagePng(svg: string, options: ReportPngOptions = {}): Buffer {
  return svgToPng(svg, options.pixelRatio ?? 2, options.fonts);
}

export function reportPng(data: ReportData, context: ReportContext, options: ReportPngOptions = {}): Buffer {
  return pagePng(reportSvg(data, context).svg, options);
}
