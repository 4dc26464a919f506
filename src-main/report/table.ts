/** A table block: columns sized to their text in the report font, cut with "…" only when the page is too narrow. */
import { svgText, TEXT_COLOR, type Block } from './page';
import { reportTextMeasure } from './render';

export interface TableColumn {
  title: string;
  align?: 'start' | 'end';
}

export interface TableSpec {
  /** columns: the header; with `header: false` only their alignment is used. */
  columns: readonly TableColumn[];
  rows: ReadonlyArray<readonly string[]>;
  header?: boolean;
  /** boldColumns: indices drawn in bold (e.g. the keys of a key-value table). */
  boldColumns?: readonly number[];
}

const SIZE = 12.5;
const ROW = 22;
const PAD = 8;

/** Column widths: each column's widest text, shrunk (widest first) until the table fits `width`. */
function columnWidths(spec: TableSpec, width: number): number[] {
  const measure = reportTextMeasure();
  const widths = spec.columns.map((column, c) => {
    const texts = spec.header === false ? [] : [measure.width(column.title, SIZE, true)];
    for (const row of spec.rows) texts.push(measure.width(row[c] ?? '', SIZE, spec.boldColumns?.includes(c)));
    return Math.ceil(Math.max(0, ...texts)) + 2 * PAD;
  });
  let excess = widths.reduce((sum, w) => sum + w, 0) - width;
  while (excess > 0.5) {
    const widest = widths.indexOf(Math.max(...widths));
    const cut = Math.min(excess, widths[widest] - 60);
    if (cut <= 0) break;
    widths[widest] -= cut;
    excess -= cut;
  }
  return widths;
}

export function tableBlock(spec: TableSpec): Block {
  const rowCount = spec.rows.length + (spec.header === false ? 0 : 1);
  return {
    height: () => rowCount * ROW + 2,
    draw: (x, y, width) => {
      const measure = reportTextMeasure();
      const widths = columnWidths(spec, width);
      const total = widths.reduce((sum, w) => sum + w, 0);
      const lefts = widths.map((_, c) => x + widths.slice(0, c).reduce((sum, w) => sum + w, 0));
      const parts: string[] = [];
      const drawRow = (cells: readonly string[], top: number, bold: (c: number) => boolean) =>
        cells.forEach((cell, c) => {
          const end = spec.columns[c]?.align === 'end';
          const text = measure.fit(cell, widths[c] - 2 * PAD, SIZE, bold(c));
          parts.push(svgText(end ? lefts[c] + widths[c] - PAD : lefts[c] + PAD, top + 15.5, text, { size: SIZE, bold: bold(c), anchor: end ? 'end' : 'start' }));
        });
      let top = y;
      if (spec.header !== false) {
        parts.push(`<rect x="${x}" y="${top}" width="${total}" height="${ROW}" fill="#e9edf2"/>`);
        drawRow(spec.columns.map((column) => column.title), top, () => true);
        top += ROW;
      }
      spec.rows.forEach((row, r) => {
        if (r % 2 === 1) parts.push(`<rect x="${x}" y="${top}" width="${total}" height="${ROW}" fill="#f6f7f9"/>`);
        drawRow(row, top, (c) => spec.boldColumns?.includes(c) ?? false);
        top += ROW;
      });
      parts.push(`<path d="M${x} ${top + 0.5}H${x + total}" stroke="${TEXT_COLOR}" stroke-opacity="0.25"/>`);
      return parts.join('');
    },
  };
}

/** Label-value pairs laid out in `columns` pairs per row, labels in bold. */
export function keyValueBlock(pairs: ReadonlyArray<readonly [string, string]>, columns = 2): Block {
  const perColumn = Math.ceil(pairs.length / columns);
  const rows = Array.from({ length: perColumn }, (_, r) => Array.from({ length: columns }, (_, c) => pairs[c * perColumn + r] ?? ['', '']).flat());
  const layout: TableColumn[] = Array.from({ length: 2 * columns }, () => ({ title: '' }));
  return tableBlock({ columns: layout, rows, header: false, boldColumns: layout.map((_, c) => c).filter((c) => c % 2 === 0) });
}
