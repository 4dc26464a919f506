/**
 * Charts without a window: ECharts server-side rendering to SVG, resvg to PNG with the report fonts only, so the
 * same option gives the same image on every OS. Animation is always off.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartOption } from '#shared/charts/frame';
import { FONT_FAMILY, reportFontFiles } from './fonts';
import { readFontMetrics, TextMeasure } from './textWidth';

export type PixelRatio = 1 | 2 | 3;

export interface SvgOptions {
  width: number;
  height: number;
  /** theme: an ECharts theme name registered with echarts.registerTheme ('dark' is built in). */
  theme?: string;
  /** idPrefix: prefix of the SVG's ids and CSS classes, unique per chart when several share one page (default "chart"). */
  idPrefix?: string;
}

export interface PngOptions {
  width: number;
  height: number;
  /** pixelRatio: the PNG is width x pixelRatio by height x pixelRatio pixels. */
  pixelRatio: PixelRatio;
  theme?: string;
  /** fonts: font files to draw text with (default: the report fonts); tests pass none to see what text is lost. */
  fonts?: readonly string[];
}

let measure: TextMeasure | undefined;

/** Text widths in the report fonts; the first call also makes ECharts lay out text with them. */
export function reportTextMeasure(): TextMeasure {
  if (!measure) {
    const [regular, bold] = reportFontFiles();
    const created = new TextMeasure(readFontMetrics(regular), readFontMetrics(bold));
    echarts.setPlatformAPI({
      measureText: (text: string, font?: string) => ({ width: created.widthInFont(text, font) }),
    });
    measure = created;
  }
  return measure;
}

/**
 * ECharts names ids and classes after a process-wide instance counter (zr7-c0 for clip paths, zr7-g1 for gradients, zr7-cls-42); renamed here in order of
 * appearance under `prefix`, the same chart gives the same SVG whatever was drawn before it.
 */
function stableNames(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-(?:cls-\d+|[a-z]+\d+)\b/g, (name) => {
    let renamed = names.get(name);
    if (renamed === undefined) names.set(name, (renamed = `${prefix}-${names.size}`));
    return renamed;
  });
}

/** The chart as a standalone SVG document of width x height. */
export function renderChartSvg(option: ChartOption, options: SvgOptions): string {
  reportTextMeasure();
  const chart = echarts.init(null, options.theme ?? null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  try {
    chart.setOption({ ...option, animation: false });
    return stableNames(chart.renderToSVGString(), options.idPrefix ?? 'chart');
  } finally {
    chart.dispose();
  }
}

/** Rasterises an SVG document at pixelRatio (any zoom, e.g. dpi / 72 for a figure in points) on white (a theme's own background is drawn over it). */
export function svgToPng(
  svg: string,
  pixelRatio: PixelRatio | number,
  fonts: readonly string[] = reportFontFiles(),
): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: pixelRatio },
    font: {
      fontFiles: [...fonts],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}

export function renderChartPng(option: ChartOption, options: PngOptions): Buffer {
  return svgToPng(renderChartSvg(option, options), options.pixelRatio, options.fonts);
}
