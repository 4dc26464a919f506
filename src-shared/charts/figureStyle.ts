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
const scaled = (value: unknown, scale: number) =>
  typeof value === 'number' ? Math.round(value * scale * 10) / 10 : value;

function scaleBox(box: Part, scale: number, keys: readonly string[]): Part {
  return Object.fromEntries(
    Object.entries(box).map(([key, value]) => [key, keys.includes(key) ? scaled(value, scale) : value]),
  );
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
  return [
    ...new Set(
      list(option.series)
        .map((part) => part.name)
        .filter((name): name is string => typeof name === 'string'),
    ),
  ];
}

/** Width of a text at a size, both in points, measured in the font it is drawn with. */
export type TextWidth = (text: string, size: number) => number;

/**
 * Rows a horizontal legend takes at `size` pt in `width` pt: entries packed left to right, each its marker, gap and
 * text, 10 pt apart. Shared code cannot measure text: without `measure` the text is estimated (DejaVu Sans averages
 * about 0.6 em per character) and the gap after the last entry counted too, which only has to make room for the rows
 * below the title; measured, a row holds what ECharts puts in it.
 */
export function legendRows(names: readonly string[], width: number, size: number, measure?: TextWidth): number {
  let rows = names.length ? 1 : 0;
  let used = 0;
  const trailingGap = measure ? 10 : 0;
  for (const name of names) {
    const entry = 1.4 * size + 5 + (measure ? measure(name, size - 1) : 0.6 * (size - 1) * name.length) + 10;
    if (used > 0 && used + entry - trailingGap > width) {
      rows++;
      used = 0;
    }
    used += entry;
  }
  return rows;
}

/** Lines a line of text takes broken between words (ECharts' "break") at `width`, measured. */
function wordLines(line: string, width: number, size: number, measure: TextWidth): number {
  let lines = 1;
  let used = '';
  for (const word of line.split(' ')) {
    const next = used ? `${used} ${word}` : word;
    if (used && measure(next, size) > width) {
      lines++;
      used = word;
    } else used = next;
  }
  return lines;
}

/** Lines a subtitle wraps into at `size` pt in `width` pt (measured, or the same 0.6 em estimate), each line break kept. */
export function subtitleLines(text: unknown, width: number, size: number, measure?: TextWidth): number {
  if (typeof text !== 'string' || text === '') return 0;
  return text
    .split('\n')
    .reduce(
      (lines, line) =>
        lines +
        (measure ? wordLines(line, width, size, measure) : Math.max(1, Math.ceil((0.6 * size * line.length) / width))),
      0,
    );
}

/**
 * How far the figure's plot moves down at its width: the extra lines its subtitle wraps into (it wraps rather than lose
 * words at a column's width) and the extra rows of a horizontal legend that wraps.
 */
export function figureShift(
  option: ChartOption,
  figure: FigureSize,
  measure?: TextWidth,
): { subtitle: number; legend: number } {
  const size = figure.fontSize;
  const first = list(option.legend)[0];
  const subtitle = list(option.title)[0]?.subtext;
  const lines = Math.max(
    0,
    subtitleLines(subtitle, figure.width - 16, size - 1, measure) -
      (typeof subtitle === 'string' ? subtitle.split('\n').length : 0),
  );
  // ECharts wraps a legend at the figure's width less its left (one font size: the frame's 12 px scaled) and its padding of 5 each side.
  const legendWidth = measure ? figure.width - size - 10 : figure.width - 24;
  const extraRows =
    first && first.orient !== 'vertical' && first.show !== false
      ? Math.max(0, legendRows(legendNames(option, first), legendWidth, size, measure) - 1)
      : 0;
  return { subtitle: lines * Math.round(size * 1.3), legend: extraRows * Math.round(size * 2.1) };
}

/** The option restyled at `figure`; with `measure` (a caller that can measure the font) the room for wrapped text is measured, not estimated. */
export function forFigure(option: ChartOption, figure: FigureSize, measure?: TextWidth): ChartOption {
  const size = figure.fontSize;
  const scale = size / SCREEN_TEXT;
  const textWidth = figure.width - 16;
  const lineHeight = Math.round(size * 1.3);
  const { subtitle: subtitleShift, legend: legendShift } = figureShift(option, figure, measure);
  const title = list(option.title).map((part) => ({
    ...scaleBox(part, scale, ['top', 'left', 'itemGap']),
    textStyle: {
      ...(part.textStyle as Part),
      fontSize: size + 1,
      fontWeight: 'bold',
      color: INK,
      width: textWidth,
      overflow: 'truncate',
    },
    subtextStyle: {
      ...(part.subtextStyle as Part),
      fontSize: size - 1,
      lineHeight,
      color: MUTED,
      width: textWidth,
      overflow: 'break',
    },
  }));
  const legend = list(option.legend).map((part) => ({
    ...scaleBox(part, scale, ['top', 'left', 'right', 'bottom', 'itemGap']),
    ...(typeof part.top === 'number' ? { top: (scaled(part.top, scale) as number) + subtitleShift } : {}),
    type: 'plain',
    itemWidth: Math.round(1.4 * size),
    itemHeight: Math.round(0.7 * size),
    textStyle: {
      ...(part.textStyle as Part),
      fontSize: size - 1,
      color: INK,
      ...((part.textStyle as Part | undefined)?.width ? { width: scaled((part.textStyle as Part).width, scale) } : {}),
    },
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
