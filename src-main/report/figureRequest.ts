/** The window's chart figures (renderFigure): its SVG, drawn at a figure size one unit per point, as PDF or PNG. */
import type { MethodResults, ParsedParams } from '#shared/api/contract';
import { pdfDocument } from './pdf';
import { svgToPng } from './render';
import { appVersion } from './version';

export async function renderFigure(params: ParsedParams<'renderFigure'>): Promise<MethodResults['renderFigure']> {
  const { svg, width, height } = params;
  if (params.format === 'png') return { data: svgToPng(svg, (params.dpi ?? 300) / 72) };
  const data = await pdfDocument([{ svg, width, height }], {
    title: params.title,
    creator: `Two-Timescale Lab ${appVersion()}`,
    createdAt: new Date(),
  });
  return { data };
}
