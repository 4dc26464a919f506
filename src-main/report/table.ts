/**
 * A table block: columns sized to their text in the report font; on a page too narrow for them the widest columns
 * narrow and their cells wrap (at spaces, after commas and hyphens), and a word is cut with "…" only when even that cannot fit.
 */
import { BODY_TEXT, svgText, TEXT_COLOR, type Block } from './page';
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
  /** bands: the shading band of each row (every other band shaded; default: every other row). */
  bands?: readonly number[];
}

/** Text size, height of a row of one line, each further line of a wrapped row, and cell padding on the screen page, in px (scaled on a page at a figure size). */
const SIZE = BODY_TEXT;
const ROW = 22;
const LINE = 16;
const PAD = 8;
/** Cell padding when even the narrowest columns do not fit at PAD (a table of many columns in a paper's column). */
const MIN_PAD = 3;

/** A cell's text in pieces that may end a line: words, each with the comma or spaces after it, split after a hyphen between letters. */
const pieces = (text: string) => text.match(/.+?(?:,\s*|\s+|(?<=\p{L}-)(?=\p{L})|$)/gsu) ?? [];

/** A cell's lines no wider than `width`, broken after spaces, commas and hyphens; a piece wider than a line is cut with "…". */
function wrapCell(text: string, width: number, size: number, bold: boolean): string[] {
  const measure = reportTextMeasure();
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    if (line && measure.width(`${line}${piece}`.trimEnd(), size, bold) > width) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines.map((words) => measure.fit(words, width, size, bold));
}

/** The table's rows as drawn: the header (when shown) first, each cell's text and whether it is bold. */
function tableRows(spec: TableSpec): Array<Array<{ text: string; bold: boolean }>> {
  const header = spec.header === false ? [] : [spec.columns.map((column) => ({ text: column.title, bold: true }))];
  return [
    ...header,
    ...spec.rows.map((row) =>
      spec.columns.map((_, c) => ({ text: row[c] ?? '', bold: spec.boldColumns?.includes(c) ?? false })),
    ),
  ];
}

/** Each column's widest piece of text (what it cannot wrap), at scale `s` of the screen page. */
function pieceWidths(spec: TableSpec, s: number): number[] {
  const measure = reportTextMeasure();
  const rows = tableRows(spec);
  return spec.columns.map((_, c) =>
    Math.ceil(
      Math.max(
        0,
        ...rows.flatMap((row) =>
          pieces(row[c].text).map((piece) => measure.width(piece.trim(), SIZE * s, row[c].bold)),
        ),
      ),
    ),
  );
}

/** Each column as wide as its widest text, at scale `s` of the screen page. */
function naturalWidths(spec: TableSpec, s: number): number[] {
  const measure = reportTextMeasure();
  const rows = tableRows(spec);
  return spec.columns.map(
    (_, c) =>
      Math.ceil(Math.max(0, ...rows.map((row) => measure.width(row[c].text, SIZE * s, row[c].bold)))) + 2 * PAD * s,
  );
}

/**
 * Column widths and cell padding for `width`: each column's widest text; when that is too wide, the widest columns
 * narrowed together, each no narrower than its longest unbreakable piece (its cells wrap), the padding narrowed down to
 * MIN_PAD when even that is too wide, and only then (widest first) the columns down to 60 px.
 */
function columnWidths(spec: TableSpec, width: number, s: number): { widths: number[]; pad: number } {
  const measure = reportTextMeasure();
  const rows = tableRows(spec);
  const text = spec.columns.map((_, c) =>
    Math.ceil(Math.max(0, ...rows.map((row) => measure.width(row[c].text, SIZE * s, row[c].bold)))),
  );
  const pieceText = pieceWidths(spec, s);
  const spare = (width - pieceText.reduce((sum, w) => sum + w, 0)) / (2 * spec.columns.length);
  const pad = Math.max(MIN_PAD * s, Math.min(PAD * s, spare));
  const natural = text.map((w) => w + 2 * pad);
  const least = pieceText.map((w) => w + 2 * pad);
  // The widest columns narrow together: every column is capped at one level, none below its least width.
  const capped = (level: number) => natural.map((w, c) => Math.max(least[c], Math.min(w, level)));
  const total = (widths: number[]) => widths.reduce((sum, w) => sum + w, 0);
  let widths = natural;
  if (total(natural) > width) {
    let [low, high] = [0, Math.max(...natural)];
    for (let i = 0; i < 40; i++) {
      const level = (low + high) / 2;
      if (total(capped(level)) > width) high = level;
      else low = level;
    }
    widths = capped(low);
  }
  let excess = total(widths) - width;
  while (excess > 0.5) {
    const widest = widths.indexOf(Math.max(...widths));
    const cut = Math.min(excess, widths[widest] - 60 * s);
    if (cut <= 0) break;
    widths[widest] -= cut;
    excess -= cut;
  }
  return { widths, pad };
}

/** Whether the columns fit `width` with their cells wrapped and the least padding. */
function fitsWrapped(spec: TableSpec, width: number, s: number): boolean {
  return pieceWidths(spec, s).reduce((sum, w) => sum + w + 2 * MIN_PAD * s, 0) <= width;
}

/** A table turned a quarter: its first column's cells head the columns, each other column a row headed by its title. */
function transposed(spec: TableSpec): TableSpec {
  const [first, ...rest] = spec.columns;
  return {
    columns: [{ title: first.title }, ...spec.rows.map((row) => ({ title: row[0] ?? '' }))],
    rows: rest.map((column, k) => [column.title, ...spec.rows.map((row) => row[k + 1] ?? '')]),
    boldColumns: [0],
  };
}

/** A table too wide for the page as label-value rows: each row of it a band of (column title, cell) pairs. */
function stacked(spec: TableSpec): TableSpec {
  return {
    columns: [{ title: '' }, { title: '' }],
    rows: spec.rows.flatMap((row) => spec.columns.map((column, c) => [column.title, row[c] ?? ''])),
    header: false,
    boldColumns: [0],
    bands: spec.rows.flatMap((_, r) => spec.columns.map(() => r)),
  };
}

/** The table at `width`: column widths, cell padding, each cell's lines, and the height of each row. */
function tableLayout(spec: TableSpec, width: number, s: number) {
  const { widths, pad } = columnWidths(spec, width, s);
  const lines = tableRows(spec).map((row) =>
    row.map((cell, c) => wrapCell(cell.text, widths[c] - 2 * pad, SIZE * s, cell.bold)),
  );
  const heights = lines.map((row) => (ROW + LINE * (Math.max(...row.map((cell) => cell.length)) - 1)) * s);
  return { widths, pad, lines, heights };
}

/**
 * A table. One whose columns do not fit the page even wrapped (many columns on a paper's column) is drawn turned a
 * quarter when it has fewer rows than columns and that fits, else stacked: a band of label-value rows for each row.
 */
export function tableBlock(table: TableSpec): Block {
  const drawn = (width: number, s: number) => {
    if (table.header === false || fitsWrapped(table, width, s)) return table;
    const turned = transposed(table);
    return table.rows.length < table.columns.length && fitsWrapped(turned, width, s) ? turned : stacked(table);
  };
  return {
    height: (width, { scale: s }) =>
      tableLayout(drawn(width, s), width, s).heights.reduce((sum, h) => sum + h, 0) + 2 * s,
    draw: (x, y, width, { scale: s }) => {
      const spec = drawn(width, s);
      const { widths, pad, lines, heights } = tableLayout(spec, width, s);
      const rows = tableRows(spec);
      const total = widths.reduce((sum, w) => sum + w, 0);
      const lefts = widths.map((_, c) => x + widths.slice(0, c).reduce((sum, w) => sum + w, 0));
      const parts: string[] = [];
      let top = y;
      rows.forEach((row, r) => {
        const body = spec.header === false ? r : r - 1;
        const band = body < 0 ? -1 : (spec.bands?.[body] ?? body);
        if (band < 0 || band % 2 === 1)
          parts.push(
            `<rect x="${x}" y="${top}" width="${total}" height="${heights[r]}" fill="${body < 0 ? '#e9edf2' : '#f6f7f9'}"/>`,
          );
        row.forEach((cell, c) => {
          const end = spec.columns[c]?.align === 'end';
          lines[r][c].forEach((line, i) =>
            parts.push(
              svgText(end ? lefts[c] + widths[c] - pad : lefts[c] + pad, top + (15.5 + LINE * i) * s, line, {
                size: SIZE * s,
                bold: cell.bold,
                anchor: end ? 'end' : 'start',
              }),
            ),
          );
        });
        top += heights[r];
      });
      parts.push(
        `<path d="M${x} ${top + 0.5 * s}H${x + total}" stroke="${TEXT_COLOR}" stroke-opacity="0.25"${s < 1 ? ` stroke-width="${s}"` : ''}/>`,
      );
      return parts.join('');
    },
  };
}

function keyValueSpec(pairs: ReadonlyArray<readonly [string, string]>, columns: number): TableSpec {
  const perColumn = Math.ceil(pairs.length / columns);
  const rows = Array.from({ length: perColumn }, (_, r) =>
    Array.from({ length: columns }, (_, c) => pairs[c * perColumn + r] ?? ['', '']).flat(),
  );
  const layout: TableColumn[] = Array.from({ length: 2 * columns }, () => ({ title: '' }));
  return { columns: layout, rows, header: false, boldColumns: layout.map((_, c) => c).filter((c) => c % 2 === 0) };
}

/**
 * Label-value pairs laid out in up to `columns` pairs per row, labels in bold: as many pairs a row as fit the width
 * uncut (a narrow page at a figure size takes fewer), one pair a row when even that does not fit.
 */
export function keyValueBlock(pairs: ReadonlyArray<readonly [string, string]>, columns = 2): Block {
  const tables = Array.from({ length: columns }, (_, i) => keyValueSpec(pairs, columns - i));
  const fitting = (width: number, s: number) =>
    tableBlock(
      tables.find((spec) => naturalWidths(spec, s).reduce((sum, w) => sum + w, 0) <= width) ??
        tables[tables.length - 1],
    );
  return {
    height: (width, style) => fitting(width, style.scale).height(width, style),
    draw: (x, y, width, style) => fitting(width, style.scale).draw(x, y, width, style),
  };
}
