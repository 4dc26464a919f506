/**
 * A report page: blocks (headings, tables, charts) stacked top to bottom into one SVG document. Each block knows its
 * height for the page width, and draws itself at a given position in the page's style: the screen page (1200 CSS px
 * wide), or a page at a figure size for a paper (one unit per point, text at the paper's size).
 */
import type { FigureSize } from '#shared/charts/figureSize';
import { figureShift, forFigure, type TextWidth } from '#shared/charts/figureStyle';
import type { ChartOption } from '#shared/charts/frame';
import { FONT_FAMILY } from './fonts';
import { renderChartSvg, reportTextMeasure } from './render';

/** Page width in CSS pixels (the PNG is this times the pixel ratio). */
export const PAGE_WIDTH = 1200;
const MARGIN = 36;
const GAP = 18;
export const TEXT_COLOR = '#1f2329';
export const MUTED_COLOR = '#5c6370';
/** Table text on the screen page, in px; on a page at a figure size it is the figure's font size. */
export const BODY_TEXT = 12.5;
/** On a page at a figure size, small multiples are at least 2 in wide: one a row in a 3.25 in column, two in 5.5 in, three in 6.75 in. */
const MIN_FIGURE_CELL = 144;

/** How a page is laid out. */
export interface PageStyle {
  /** width, margin, gap (between blocks): CSS px on the screen page, points on a page at a figure size. */
  width: number;
  margin: number;
  gap: number;
  /** scale: of the screen page's text and spacing (1 on the screen page). */
  scale: number;
  /**
   * figure: the paper size of a print page. Its charts are drawn as figures (forFigure) across the page's whole width,
   * their own padding being the margin, each row of them the figure's height tall.
   */
  figure?: FigureSize;
}

export const SCREEN_PAGE: PageStyle = { width: PAGE_WIDTH, margin: MARGIN, gap: GAP, scale: 1 };

/**
 * The page at a figure size: its width, the screen page's text and spacing scaled so that table text is the figure's
 * font size, side margins of one font size (where a figure's title starts, so text and chart titles line up).
 */
export function figurePage(figure: FigureSize): PageStyle {
  const scale = figure.fontSize / BODY_TEXT;
  return { width: figure.width, margin: figure.fontSize, gap: GAP * scale, scale, figure };
}

/** A piece of a page. */
export interface Block {
  /** height(width, style): the block's height when drawn `width` wide. */
  height(width: number, style: PageStyle): number;
  /** SVG markup of the block with its top-left corner at (x, y). */
  draw(x: number, y: number, width: number, style: PageStyle): string;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** One line of text with its baseline at y. */
export function svgText(x: number, y: number, content: string, style: TextStyle): string {
  const weight = style.bold ? ' font-weight="bold"' : '';
  const anchor = style.anchor && style.anchor !== 'start' ? ` text-anchor="${style.anchor}"` : '';
  return `<text x="${x}" y="${y}" font-size="${style.size}"${weight}${anchor} fill="${style.color ?? TEXT_COLOR}">${escapeXml(content)}</text>`;
}

/** Splits text into lines no wider than `width` px, breaking at spaces. */
export function wrapText(text: string, width: number, size: number, bold = false): string[] {
  const measure = reportTextMeasure();
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure.width(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.map((l) => measure.fit(l, width, size, bold));
}

/** A title as it is when it fits `width`, else wrapped (always at least one line). */
function titleLines(title: string, width: number, size: number): string[] {
  if (reportTextMeasure().width(title, size, true) <= width) return [title];
  const lines = wrapText(title, width, size, true);
  return lines.length ? lines : [''];
}

/** The page title (wrapped on a narrow page) with lines of smaller text under it. */
export function headingBlock(title: string, lines: readonly string[]): Block {
  const titled = (width: number, s: number) => titleLines(title, width, 24 * s);
  const wrapped = (width: number, s: number) => lines.flatMap((line) => wrapText(line, width, 13 * s));
  // Each further title line is 29 px lower.
  const below = (width: number, s: number) => 29 * (titled(width, s).length - 1);
  return {
    height: (width, { scale: s }) => (34 + below(width, s) + 19 * wrapped(width, s).length) * s,
    draw: (x, y, width, { scale: s }) =>
      [
        ...titled(width, s).map((line, i) => svgText(x, y + (24 + 29 * i) * s, line, { size: 24 * s, bold: true })),
        ...wrapped(width, s).map((line, i) =>
          svgText(x, y + (48 + below(width, s) + 19 * i) * s, line, { size: 13 * s, color: MUTED_COLOR }),
        ),
      ].join(''),
  };
}

/** A section title (wrapped on a narrow page) over a thin rule. */
export function sectionBlock(title: string): Block {
  const titled = (width: number, s: number) => titleLines(title, width, 17 * s);
  // Each further title line is 22 px lower.
  return {
    height: (width, { scale: s }) => (30 + 22 * (titled(width, s).length - 1)) * s,
    draw: (x, y, width, { scale: s }) => {
      const lines = titled(width, s);
      const rule = y + (28.5 + 22 * (lines.length - 1)) * s;
      return `${lines.map((line, i) => svgText(x, y + (20 + 22 * i) * s, line, { size: 17 * s, bold: true })).join('')}<path d="M${x} ${rule}H${x + width}" stroke="#d0d4da" stroke-width="${Math.min(1, s)}"/>`;
    },
  };
}

/** A paragraph of muted text (`size` in px of the screen page). */
export function noteBlock(text: string, size = 13): Block {
  const line = Math.ceil(size * 1.5);
  return {
    height: (width, { scale: s }) => line * s * wrapText(text, width, size * s).length,
    draw: (x, y, width, { scale: s }) =>
      wrapText(text, width, size * s)
        .map((words, i) => svgText(x, y + (size + line * i) * s, words, { size: size * s, color: MUTED_COLOR }))
        .join(''),
  };
}

/** An ECharts chart drawn at the full block width. */
export function chartBlock(option: ChartOption, height: number): Block {
  return chartGridBlock([option], 1, height);
}

/**
 * Where the charts of a grid go in a block `width` wide: how many a row (at most `columns`; at a figure size as many
 * as are 2 in wide), each cell's width and height, the gap between cells, and how far they reach into the margins.
 */
export function chartGrid(
  columns: number,
  height: number,
  width: number,
  style: PageStyle,
): { columns: number; cell: number; height: number; gap: number; bleed: number } {
  if (!style.figure) return { columns, cell: (width - (columns - 1) * GAP) / columns, height, gap: GAP, bleed: 0 };
  const across = width + 2 * style.margin;
  const fitting = Math.max(1, Math.min(columns, Math.floor(across / MIN_FIGURE_CELL)));
  return {
    columns: fitting,
    cell: across / fitting,
    height: Math.round(style.figure.height),
    gap: 0,
    bleed: style.margin,
  };
}

const measured: TextWidth = (text, size) => reportTextMeasure().width(text, size);

/**
 * Charts side by side, `columns` a row, each `height` tall (small multiples). At a figure size each is drawn as a figure
 * of its cell, a row as tall as the figure plus the lines its charts' subtitles and legends wrap into, so that every
 * plot keeps the figure's height.
 */
export function chartGridBlock(options: readonly ChartOption[], columns: number, height: number): Block {
  /** Each row's top (relative to the block) and height, and the charts' cell. */
  const layout = (width: number, style: PageStyle) => {
    const grid = chartGrid(columns, height, width, style);
    const rows: Array<{ top: number; height: number }> = [];
    for (let first = 0, top = 0; first < options.length; first += grid.columns) {
      const figure = style.figure && { width: grid.cell, height: grid.height, fontSize: style.figure.fontSize };
      const shifts = options
        .slice(first, first + grid.columns)
        .map((option) =>
          figure ? Object.values(figureShift(option, figure, measured)).reduce((sum, shift) => sum + shift, 0) : 0,
        );
      rows.push({ top, height: grid.height + Math.max(...shifts) });
      top += rows[rows.length - 1].height + grid.gap;
    }
    return { grid, rows };
  };
  return {
    height: (width, style) => {
      const { rows } = layout(width, style);
      const last = rows[rows.length - 1];
      return last ? last.top + last.height : 0;
    },
    draw: (x, y, width, style) => {
      const { grid, rows } = layout(width, style);
      return options
        .map((option, i) => {
          const row = rows[Math.floor(i / grid.columns)];
          const left = x - grid.bleed + (i % grid.columns) * (grid.cell + grid.gap);
          const top = y + row.top;
          const drawn = style.figure
            ? forFigure(option, { width: grid.cell, height: row.height, fontSize: style.figure.fontSize }, measured)
            : option;
          // Charts sit at distinct places of the page: their position names their ids.
          const svg = renderChartSvg(drawn, {
            width: Math.floor(grid.cell),
            height: row.height,
            idPrefix: `chart-${Math.round(left)}-${Math.round(top)}`,
          });
          return svg.replace('<svg ', `<svg x="${left}" y="${top}" `);
        })
        .join('');
    },
  };
}

/**
 * The blocks as one SVG document the style's width wide on a white background, as tall as its blocks (a whole number of
 * units). The page is sized to hold every block: resvg 2.6.2 aborts the whole process (a Rust panic) on a nested chart
 * that lies entirely outside the canvas.
 */
export function composePage(
  blocks: readonly Block[],
  style: PageStyle = SCREEN_PAGE,
): { svg: string; width: number; height: number } {
  const { width, margin, gap } = style;
  const inner = width - 2 * margin;
  const parts: string[] = [];
  let y = margin;
  for (const block of blocks) {
    parts.push(block.draw(margin, y, inner, style));
    y += block.height(inner, style) + gap;
  }
  const height = Math.ceil(y - gap + margin);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}
