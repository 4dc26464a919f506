/**
 * The report image of a target: its blocks composed into one page, rasterised with the report fonts. The screen page
 * is 1200 CSS px wide; a page at a figure size (a paper's column, a slide) is that wide in points, its text at the
 * figure's font size, each chart (or row of small multiples) drawn as a figure as tall as the size, and the page as
 * tall as its charts, tables and text.
 */
import type { FigureSize } from '#shared/charts/figureSize';
import { comparisonReportBlocks } from './comparisonReport';
import type { ReportContext, ReportData } from './data';
import { FIGURE_DPI } from './figure';
import { composePage, figurePage, SCREEN_PAGE, type Block, type PageStyle } from './page';
import { svgToPng, type PixelRatio } from './render';
import { runReportBlocks } from './runReport';
import { sweepReportBlocks } from './sweepReport';

function reportBlocks(data: ReportData, context: ReportContext, style: PageStyle): Block[] {
  if (data.kind === 'run') return runReportBlocks(data.runs[0], context);
  if (data.kind === 'comparison') return comparisonReportBlocks(data.runs, context, style);
  return sweepReportBlocks(data.sweep, data.runs, context);
}

/** Characters XML 1.0 refuses even escaped: a run name stored before names were validated may still hold them. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export interface ReportPageOptions {
  /** size: lay the page out at this figure size (one unit per point); the screen page when omitted. */
  size?: FigureSize;
}

/** A report page: its SVG document and its size, in CSS pixels (the screen page) or points (a page at a figure size). */
export interface ReportPage {
  svg: string;
  width: number;
  height: number;
  unit: 'px' | 'pt';
}

/** The report page as SVG, with its size; characters XML refuses are drawn as U+FFFD. */
export function reportSvg(data: ReportData, context: ReportContext, options: ReportPageOptions = {}): ReportPage {
  const style = options.size ? figurePage(options.size) : SCREEN_PAGE;
  const page = composePage(reportBlocks(data, context, style), style);
  return { ...page, svg: page.svg.replace(NOT_XML, '\uFFFD'), unit: options.size ? 'pt' : 'px' };
}

/** The page as an SVG file: a page at a figure size gives its width and height in points, so editors place it at its size. */
export function pageSvgFile(page: ReportPage): string {
  if (page.unit === 'px') return page.svg;
  return page.svg.replace(
    `width="${page.width}" height="${page.height}"`,
    `width="${page.width}pt" height="${page.height}pt"`,
  );
}

export interface ReportPngOptions extends ReportPageOptions {
  /** pixelRatio: of the screen page (a page at a figure size is drawn at FIGURE_DPI). */
  pixelRatio?: PixelRatio;
  /** fonts: font files to draw with (default: the report fonts). */
  fonts?: readonly string[];
}

/** A report page's SVG as PNG, PAGE_WIDTH x pixelRatio pixels wide (pixelRatio 2 by default). */
export function pagePng(svg: string, options: ReportPngOptions = {}): Buffer {
  return svgToPng(svg, options.pixelRatio ?? 2, options.fonts);
}

/** A report page as PNG: the screen page at its pixel ratio, a page at a figure size at FIGURE_DPI (300) pixels per inch. */
export function reportPagePng(page: ReportPage, options: ReportPngOptions = {}): Buffer {
  return page.unit === 'pt' ? svgToPng(page.svg, FIGURE_DPI / 72, options.fonts) : pagePng(page.svg, options);
}

export function reportPng(data: ReportData, context: ReportContext, options: ReportPngOptions = {}): Buffer {
  return reportPagePng(reportSvg(data, context, options), options);
}
