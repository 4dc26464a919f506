/**
 * A chart on screen redrawn as a figure for print: its option restyled by forFigure at a paper size and drawn by
 * ECharts' SVG renderer with one unit per point (the lab turns that SVG into PDF or a 300 dpi PNG with its fonts).
 */
import type { FigureSize } from '#shared/charts/figureSize';
import { forFigure } from '#shared/charts/figureStyle';
import type { ChartOption } from '#shared/charts/frame';
import { init, type ECharts } from '../charts/echarts';

/** The chart's option without the designer's drag handles (controls, not part of the picture). */
function pictureOption(chart: ECharts): ChartOption {
  const { graphic: _handles, ...option } = chart.getOption();
  return option as ChartOption;
}

/** The chart drawn at `size` as SVG, one unit per point (width and height attributes unitless, for the lab's PDF). */
export function figureDrawing(chart: ECharts, size: FigureSize): string {
  const copy = init(null, undefined, {
    renderer: 'svg',
    ssr: true,
    width: Math.round(size.width),
    height: Math.round(size.height),
  });
  try {
    copy.setOption({ ...forFigure(pictureOption(chart), size), backgroundColor: '#ffffff' });
    return copy.renderToSVGString();
  } finally {
    copy.dispose();
  }
}

/** The drawing as an SVG file sized in points, so an editor or LaTeX places it at its size. */
export function figureSvgFile(drawing: string): string {
  return drawing.replace(/^<svg width="(\d+)" height="(\d+)"/, '<svg width="$1pt" height="$2pt"');
}
