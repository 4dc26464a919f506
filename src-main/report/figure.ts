/**
 * One chart as a figure at a paper's size: the chart restyled for print (forFigure) and drawn with one SVG unit per
 * point, then written as SVG (sized in pt), vector PDF (a page exactly that size) or PNG at a resolution in dpi.
 */
import type { FigureSize } from '#shared/charts/figureSize';
import { forFigure } from '#shared/charts/figureStyle';
import type { ChartOption } from '#shared/charts/frame';
import { pdfDocument, type PdfInfo } from './pdf';
import { forPrint } from './print';
import { renderChartSvg, svgToPng } from './render';

/** The chart drawn for print at `size`, one unit per point (the SVG's width and height attributes are unitless). */
export function figureDrawing(option: ChartOption, size: FigureSize): string {
  return renderChartSvg(forFigure(forPrint(option), size), {
    width: Math.round(size.width),
    height: Math.round(size.height),
  });
}

/** The drawing as a standalone SVG file whose width and height are in points, so editors place it at its size. */
export function figureSvg(option: ChartOption, size: FigureSize): string {
  const width = Math.round(size.width);
  const height = Math.round(size.height);
  return figureDrawing(option, size).replace(
    `<svg width="${width}" height="${height}"`,
    `<svg width="${width}pt" height="${height}pt"`,
  );
}

/** The figure as a one-page vector PDF, the page exactly width x height points. */
export function figurePdf(option: ChartOption, size: FigureSize, info: PdfInfo): Promise<Buffer> {
  return pdfDocument([{ svg: figureDrawing(option, size), width: size.width, height: size.height }], info);
}

/** Resolution of figure PNGs (a chart alone, or a report page at a figure size), in pixels per inch. */
export const FIGURE_DPI = 300;

/** The figure as PNG at `dpi` pixels per inch (FIGURE_DPI by default), on white. */
export function figurePng(option: ChartOption, size: FigureSize, dpi = FIGURE_DPI): Buffer {
  return svgToPng(figureDrawing(option, size), dpi / 72);
}
