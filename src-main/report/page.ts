/**
 * A report page: blocks (headings, tables, charts) stacked top to bottom into one SVG document. Each block knows its
 * height for the page width, and draws itself at a given position.
 */
import type { ChartOption } from '../../src-shared/charts/frame';
import { FONT_FAMILY } from './fonts';
import { renderChartSvg, reportTextMeasure } from './render';

/** Page width in CSS pixels (the PNG is this times the pixel ratio). */
export const PAGE_WIDTH = 1200;
const MARGIN = 36;
const GAP = 18;
export const TEXT_COLOR = '#1f2329';
export const MUTED_COLOR = '#5c6370';

/** A piece of a page. */
export interface Block {
  /** height(width): the block's height when drawn `width` wide. */
  height(width: number): number;
  /** SVG markup of the block with its top-left corner at (x, y). */
  draw(x: number, y: number, width: number): string;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
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

/** The page title with lines of smaller text under it. */
export function headingBlock(title: string, lines: readonly string[]): Block {
  const wrapped = (width: number) => lines.flatMap((line) => wrapText(line, width, 13));
  return {
    height: (width) => 34 + 19 * wrapped(width).length,
    draw: (x, y, width) =>
      [svgText(x, y + 24, reportTextMeasure().fit(title, width, 24, true), { size: 24, bold: true }), ...wrapped(width).map((line, i) => svgText(x, y + 48 + 19 * i, line, { size: 13, color: MUTED_COLOR }))].join(''),
  };
}

/** A section title over a thin rule. */
export function sectionBlock(title: string): Block {
  return {
    height: () => 30,
    draw: (x, y, width) => `${svgText(x, y + 20, title, { size: 17, bold: true })}<path d="M${x} ${y + 28.5}H${x + width}" stroke="#d0d4da" stroke-width="1"/>`,
  };
}

/** A paragraph of muted text. */
export function noteBlock(text: string, size = 13): Block {
  return {
    height: (width) => Math.ceil(size * 1.5) * wrapText(text, width, size).length,
    draw: (x, y, width) => wrapText(text, width, size).map((line, i) => svgText(x, y + size + Math.ceil(size * 1.5) * i, line, { size, color: MUTED_COLOR })).join(''),
  };
}

/** An ECharts chart drawn at the full block width. */
export function chartBlock(option: ChartOption, height: number): Block {
  return chartGridBlock([option], 1, height);
}

/** Charts side by side, `columns` a row, each `height` tall (small multiples). */
export function chartGridBlock(options: readonly ChartOption[], columns: number, height: number): Block {
  const rows = Math.ceil(options.length / columns);
  return {
    height: () => rows * height + (rows - 1) * GAP,
    draw: (x, y, width) => {
      const cell = (width - (columns - 1) * GAP) / columns;
      return options
        .map((option, i) => {
          const left = x + (i % columns) * (cell + GAP);
          const top = y + Math.floor(i / columns) * (height + GAP);
          // Charts sit at distinct places of the page: their position names their ids.
          const svg = renderChartSvg(option, { width: Math.floor(cell), height, idPrefix: `chart-${Math.round(left)}-${Math.round(top)}` });
          return svg.replace('<svg ', `<svg x="${left}" y="${top}" `);
        })
        .join('');
    },
  };
}

/**
 * The blocks as one SVG document PAGE_WIDTH wide on a white background. The page is sized to hold every block: resvg
 * 2.6.2 aborts the whole process (a Rust panic) on a nested chart that lies entirely outside the canvas.
 */
export function composePage(blocks: readonly Block[]): { svg: string; width: number; height: number } {
  const width = PAGE_WIDTH;
  const inner = width - 2 * MARGIN;
  const parts: string[] = [];
  let y = MARGIN;
  for (const block of blocks) {
    parts.push(block.draw(MARGIN, y, inner));
    y += block.height(inner) + GAP;
  }
  const height = Math.ceil(y - GAP + MARGIN);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>${parts.join('')}</svg>`;
  return { svg, width, height };
}
