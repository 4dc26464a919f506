/**
 * A chart as an image file, drawn as it is on screen (title, axes, legend, zoom): PNG from its canvas at 1, 2 or 3
 * times the pixels, SVG drawn again by the SVG renderer from the same option, or vector PDF made by the lab from that
 * SVG. At a paper's figure size, the chart is redrawn for print first (chartFigure.ts).
 */
import type { LabApi } from '#shared/api/contract';
import type { FigureSize } from '#shared/charts/figureSize';
import { init, type ECharts } from '../charts/echarts';
import { figureDrawing, figureSvgFile } from './chartFigure';
import { dataUrlBlob, saveFile } from './download';

export type ImageFormat = { kind: 'png'; pixelRatio: number } | { kind: 'svg' } | { kind: 'pdf' };

/** The formats the save menu offers, with their labels. */
export const imageFormats: ReadonlyArray<{ label: string; format: ImageFormat }> = [
  { label: 'PNG', format: { kind: 'png', pixelRatio: 1 } },
  { label: 'PNG 2×', format: { kind: 'png', pixelRatio: 2 } },
  { label: 'PNG 3×', format: { kind: 'png', pixelRatio: 3 } },
  { label: 'SVG', format: { kind: 'svg' } },
  { label: 'PDF', format: { kind: 'pdf' } },
];

/** Resolution of a PNG at a figure size: 150 dpi per step of the PNG item (1×, 2×, 3×). */
const DPI_PER_STEP = 150;
/** CSS pixels to PDF points: a chart saved as on screen keeps its size as a browser would print it. */
const POINTS_PER_PIXEL = 0.75;

/** The chart's title (its first title component), null when it has none. */
export function chartTitle(chart: ECharts): string | null {
  const titles = (chart.getOption() as { title?: Array<{ text?: string }> }).title;
  return titles?.[0]?.text || null;
}

/** `name`.png, `name`@2x.png, `name`.svg or `name`.pdf. */
export function imageFileName(stem: string, format: ImageFormat): string {
  if (format.kind !== 'png') return `${stem}.${format.kind}`;
  return format.pixelRatio === 1 ? `${stem}.png` : `${stem}@${format.pixelRatio}x.png`;
}

/**
 * The image on an opaque `background` (the screen shows the panel through a transparent chart). `theme` is the
 * ECharts theme the chart was created with, for the SVG copy.
 */
export function chartImage(
  chart: ECharts,
  format: Exclude<ImageFormat, { kind: 'pdf' }>,
  background: string,
  theme?: string,
): Blob {
  // Graphic elements are the designer's drag handles: controls, not part of the picture.
  if (format.kind === 'png')
    return dataUrlBlob(
      chart.getDataURL({
        type: 'png',
        pixelRatio: format.pixelRatio,
        backgroundColor: background,
        excludeComponents: ['graphic'],
      }),
    );
  const { graphic: _handles, ...option } = chart.getOption();
  const copy = init(null, theme, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
  try {
    copy.setOption({ ...option, animation: false, backgroundColor: background });
    return new Blob([copy.renderToSVGString()], { type: 'image/svg+xml' });
  } finally {
    copy.dispose();
  }
}

/** What saving a chart needs: the chart, how it looks on screen, the figure size (null: as on screen), the lab. */
export interface SaveRequest {
  chart: ECharts;
  format: ImageFormat;
  background: string;
  theme?: string;
  size: FigureSize | null;
  api: Pick<LabApi, 'renderFigure'>;
  name: string;
}

/**
 * Saves the chart under `name`. As on screen: PNG and SVG as drawn, PDF from that SVG. At a figure size: the chart
 * redrawn for print, SVG sized in points, PDF a page of exactly that size, PNG at 150 dpi per step.
 */
export async function saveChartImage(request: SaveRequest): Promise<void> {
  const { chart, format, size, api, name } = request;
  const title = chartTitle(chart) ?? 'chart';
  if (size === null && format.kind !== 'pdf') {
    saveFile(chartImage(chart, format, request.background, request.theme), name);
  } else if (size === null) {
    const svg = await chartImage(chart, { kind: 'svg' }, request.background, request.theme).text();
    const page = { width: chart.getWidth() * POINTS_PER_PIXEL, height: chart.getHeight() * POINTS_PER_PIXEL };
    saveFile((await api.renderFigure({ svg, ...page, format: 'pdf', title })).data, name);
  } else if (format.kind === 'svg') {
    saveFile(new Blob([figureSvgFile(figureDrawing(chart, size))], { type: 'image/svg+xml' }), name);
  } else {
    await saveFigure(request, size, title);
  }
}

/** PDF or PNG of the chart redrawn at `size`, made by the lab from the drawing. */
async function saveFigure({ chart, format, api, name }: SaveRequest, size: FigureSize, title: string): Promise<void> {
  const drawing = figureDrawing(chart, size);
  const dpi = format.kind === 'png' ? DPI_PER_STEP * format.pixelRatio : undefined;
  const kind = format.kind === 'png' ? 'png' : 'pdf';
  const { data } = await api.renderFigure({
    svg: drawing,
    width: size.width,
    height: size.height,
    format: kind,
    title,
    ...(dpi ? { dpi } : {}),
  });
  saveFile(data, name);
}
