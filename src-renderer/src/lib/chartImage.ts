/**
 * A chart as an image file, drawn as it is on screen (title, axes, legend, zoom): PNG from its canvas at 1, 2 or 3
 * times the pixels, or SVG drawn again by the SVG renderer from the same option.
 */
import { init, type ECharts } from '../charts/echarts';
import { dataUrlBlob } from './download';

export type ImageFormat = { kind: 'png'; pixelRatio: number } | { kind: 'svg' };

/** The formats the save menu offers, with their labels. */
export const imageFormats: ReadonlyArray<{ label: string; format: ImageFormat }> = [
  { label: 'PNG', format: { kind: 'png', pixelRatio: 1 } },
  { label: 'PNG 2×', format: { kind: 'png', pixelRatio: 2 } },
  { label: 'PNG 3×', format: { kind: 'png', pixelRatio: 3 } },
  { label: 'SVG', format: { kind: 'svg' } },
];

/** The chart's title (its first title component), null when it has none. */
export function chartTitle(chart: ECharts): string | null {
  const titles = (chart.getOption() as { title?: Array<{ text?: string }> }).title;
  return titles?.[0]?.text || null;
}

/** `name`.png, `name`@2x.png or `name`.svg. */
export function imageFileName(stem: string, format: ImageFormat): string {
  if (format.kind === 'svg') return `${stem}.svg`;
  return format.pixelRatio === 1 ? `${stem}.png` : `${stem}@${format.pixelRatio}x.png`;
}

/**
 * The image on an opaque `background` (the screen shows the panel through a transparent chart). `theme` is the
 * ECharts theme the chart was created with, for the SVG copy.
 */
export function chartImage(chart: ECharts, format: ImageFormat, background: string, theme?: string): Blob {
  // Graphic elements are the designer's drag handles: controls, not part of the picture.
  if (format.kind === 'png') return dataUrlBlob(chart.getDataURL({ type: 'png', pixelRatio: format.pixelRatio, backgroundColor: background, excludeComponents: ['graphic'] }));
  const { graphic: _handles, ...option } = chart.getOption();
  const copy = init(null, theme, { renderer: 'svg', ssr: true, width: chart.getWidth(), height: chart.getHeight() });
  try {
    copy.setOption({ ...option, animation: false, backgroundColor: background });
    return new Blob([copy.renderToSVGString()], { type: 'image/svg+xml' });
  } finally {
    copy.dispose();
  }
}
