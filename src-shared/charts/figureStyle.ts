/**
 * A chart restyled as a figure for print: text in points at the figure's font size (title one point larger, tick labels
 * one smaller), margins in proportion, thinner lines, no tooltip, zoom or animation. The option is drawn with one unit
 * per point, so a figure included at 100 % has the paper's text size.
 */
import type { ChartOption } from './frame';
import type { FigureSize } from './figureSize';

/** The screen charts are laid out for 12 px text: margins scale with fontSize / SCREEN_TEXT. */
const SCREEN_TEXT = 12;
const INK = '#1f2329';
const MUTED = '#4b5058';

type Part = Record<string, unknown>;
const list = (value: unknown): Part[] => (Array.isArray(value) ? (value as Part[]) : value ? [value as Part] : []);
const scaled = (value: unknown, scale: number) => (typeof value === 'number' ? Math.round(value * scale * 10) / 10 : value);

function scaleBox(box: Part, scale: number, keys: readonly string[]): Part {
  return Object.fromEntries(Object.entries(box).map(([key, value]) => [key, keys.includes(key) ? scaled(value, scale) : value]));
}

function axis(part: Part, size: number, scale: number): Part {
  return {
    ...part,
    nameGap: scaled(part.nameGap ?? 15, scale),
    nameTextStyle: { ...(part.nameTextStyle as Part), fontSize: size, color: INK },
    axisLabel: { ...(part.axisLabel as Part), fontSize: size - 1, lineHeight: Math.round(size * 1.25), color: MUTED },
  };
}

function series(part: Part, size: number): Part {
  const label = part.label as Part | undefined;
  const lineStyle = part.lineStyle as Part | undefined;
  const width = typeof lineStyle?.width === 'number' ? Math.min(lineStyle.width, 1.5) : undefined;
  const markLine = part.markLine as Part | undefined;
  return {
    ...part,
    ...(label ? { label: { ...label, fontSize: size - 1 } } : {}),
    ...(width !== undefined ? { lineStyle: { ...lineStyle, width } } : {}),
    ...(markLine ? { markLine: { ...markLine, label: { ...(markLine.label as Part), fontSize: size - 1 } } } : {}),
    ...(typeof part.symbolSize === 'number' ? { symbolSize: Math.max(3, part.symbolSize * 0.75) } : {}),
  };
}

/** Legend entries: its data when given, else the names of the series (each once). */
function legendNames(option: ChartOption, legend: Part | undefined): string[] {
  if (!legend || legend.show === false) return [];
  if (Array.isArray(legend.data)) return (legend.data as unknown[]).map(String);
  return [...new Set(list(option.series).map((part) => part.name).filter((name): name is string => typeof name === 'string'))];
}

/**
 * Rows a horizontal legend takes at `size` pt in `width` pt: entries packed left to right, each its marker, gap and
 * text (DejaVu Sans averages about 0.6 em per character). Shared code cannot measure text; this estimate only has to
 * make room for the rows below the title.
 */
export function legendRows(names: readonly string[], width: number, size: number): number {
  let rows = names.length ? 1 : 0;
  let used = 0;
  for (const name of names) {
    const entry = 1.4 * size + 5 + 0.6 * (size - 1) * name.length + 10;
    if (used > 0 && used + entry > width) {
      rows++;
      used = 0;
    }
    used += entry;
  }
  return rows;
}

/** Lines a subtitle wraps into at `size` pt in `width` pt (the same 0.6 em estimate), each line break kept. */
export function subtitleLines(text: unknown, width: number, size: number): number {
  if (typeof text !== 'string' || text === '') return 0;
  return text.split('\n').reduce((lines, line) => lines + Math.max(1, Math.ceil((0.6 * size * line.length) / width)), 0);
}

export function forFigure(option: ChartOption, figure: FigureSize): ChartOption {
  const size = figure.fontSize;
  const scale = size / SCREEN_TEXT;
  const first = list(option.legend)[0];
  const textWidth = figure.width - 16;
  // A subtitle wraps rather than lose words at a column's width; its extra lines push the legend and the plot down.
  const subtitle = list(option.title)[0]?.subtext;
  const lineHeight = Math.round(size * 1.3);
  const subtitleShift = Math.max(0, subtitleLines(subtitle, textWidth, size - 1) - (typeof subtitle === 'string' ? subtitle.split('\n').length : 0)) * lineHeight;
  // A horizontal legend that wraps pushes the plot down by its extra rows.
  const extraRows = first && first.orient !== 'vertical' && first.show !== false ? Math.max(0, legendRows(legendNames(option, first), figure.width - 24, size) - 1) : 0;
  const legendShift = extraRows * Math.round(size * 2.1);
  const title = list(option.title).map((part) => ({
    ...scaleBox(part, scale, ['top', 'left', 'itemGap']),
    textStyle: { ...(part.textStyle as Part), fontSize: size + 1, fontWeight: 'bold', color: INK, width: textWidth, overflow: 'truncate' },
    subtextStyle: { ...(part.subtextStyle as Part), fontSize: size - 1, lineHeight, color: MUTED, width: textWidth, overflow: 'break' },
  }));
  const legend = list(option.legend).map((part) => ({
    ...scaleBox(part, scale, ['top', 'left', 'right', 'bottom', 'itemGap']),
    ...(typeof part.top === 'number' ? { top: scaled(part.top, scale) as number + subtitleShift } : {}),
    type: 'plain',
    itemWidth: Math.round(1.4 * size),
    itemHeight: Math.round(0.7 * size),
    textStyle: { ...(part.textStyle as Part), fontSize: size - 1, color: INK, ...((part.textStyle as Part | undefined)?.width ? { width: scaled((part.textStyle as Part).width, scale) } : {}) },
  }));
  const grid = list(option.grid)
    .map((part) => scaleBox(part, scale, ['top', 'left', 'right', 'bottom']))
    .map((part) => (typeof part.top === 'number' ? { ...part, top: part.top + subtitleShift + legendShift } : part));
  // A colour scale no taller than 40 % of the figure, so its end labels clear the title.
  const visualMap = list(option.visualMap).map((part) => ({
    ...scaleBox(part, scale, ['top', 'left', 'right', 'bottom']),
    itemWidth: Math.round(1.4 * size),
    itemHeight: Math.min(Number(part.itemHeight ?? 140) * scale, figure.height * 0.4),
    textStyle: { fontSize: size - 1, color: INK },
  }));
  return {
    ...option,
    animation: false,
    textStyle: { fontSize: size, fontFamily: 'sans-serif' },
    title,
    legend,
    grid,
    ...(visualMap.length ? { visualMap } : {}),
    xAxis: list(option.xAxis).map((part) => axis(part, size, scale)),
    yAxis: list(option.yAxis).map((part) => axis(part, size, scale)),
    series: list(option.series).map((part) => series(part, size)),
    tooltip: { show: false },
    dataZoom: [],
  } as ChartOption;
}
