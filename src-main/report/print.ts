/** Adapts a UI chart option for a still image: every legend entry visible, no tooltip or zoom, optional new title. */
import type { ChartOption } from '#shared/charts/frame';

export interface PrintOptions {
  /** title, subtext: replace the chart's title (subtext kept when omitted; it may hold a line break). */
  title?: string;
  subtext?: string;
  /** titleWidth: title and subtitle lines longer than this (px) are cut with "…". */
  titleWidth?: number;
  /** legend: false leaves the legend out (small multiples explain their lines once, beside the grid). */
  legend?: boolean;
}

export function forPrint(option: ChartOption, options: PrintOptions = {}): ChartOption {
  const legend = option.legend as Record<string, unknown> | undefined;
  const title = option.title as Record<string, unknown> | undefined;
  const cut = options.titleWidth === undefined ? {} : { width: options.titleWidth, overflow: 'truncate' };
  return {
    ...option,
    title: {
      ...title,
      text: options.title ?? title?.text,
      subtext: options.subtext ?? title?.subtext,
      textStyle: { ...(title?.textStyle as object), ...cut },
      subtextStyle: { lineHeight: 16, ...cut },
    },
    legend: options.legend === false ? { show: false } : legend && { ...legend, type: 'plain' },
    tooltip: { show: false },
    dataZoom: [],
  } as ChartOption;
}
