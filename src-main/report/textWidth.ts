/**
 * Text widths from the report fonts' own advance widths (TrueType cmap format 4 and hmtx tables), so ECharts lays out
 * legends and labels for the glyphs resvg will draw, and report tables size their columns to fit. Kerning is ignored
 * (a fraction of a pixel per pair).
 */
import { readFileSync } from 'node:fs';

/** Advance widths of one font, in em. */
interface FontMetrics {
  /** advance(codePoint): width of the glyph in em (the .notdef width for characters the font lacks). */
  advance(codePoint: number): number;
}

function tableOffsets(font: DataView): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(
      font.getUint8(record),
      font.getUint8(record + 1),
      font.getUint8(record + 2),
      font.getUint8(record + 3),
    );
    tables.set(tag, font.getUint32(record + 8));
  }
  return tables;
}

/** Reads the BMP cmap subtable (platform 3, encoding 1, format 4): code point -> glyph index. */
function cmapFormat4(font: DataView, cmap: number): (codePoint: number) => number {
  const subtables = font.getUint16(cmap + 2);
  let table = -1;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + 8 * i;
    if (font.getUint16(record) === 3 && font.getUint16(record + 2) === 1) table = cmap + font.getUint32(record + 4);
  }
  if (table < 0 || font.getUint16(table) !== 4) throw new Error('font has no Unicode BMP cmap (format 4)');
  const segments = font.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  return (codePoint) => {
    for (let s = 0; s < segments; s++) {
      if (font.getUint16(ends + 2 * s) < codePoint) continue;
      const start = font.getUint16(starts + 2 * s);
      if (start > codePoint) return 0;
      const delta = font.getUint16(deltas + 2 * s);
      const rangeOffset = font.getUint16(rangeOffsets + 2 * s);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = font.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

export function readFontMetrics(file: string): FontMetrics {
  const bytes = readFileSync(file);
  const font = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(font);
  const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((tag) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
    return offset;
  });
  const unitsPerEm = font.getUint16(head + 18);
  const metricsCount = font.getUint16(hhea + 34);
  const glyphOf = cmapFormat4(font, cmap);
  const cache = new Map<number, number>();
  return {
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        const glyph = Math.min(glyphOf(codePoint), metricsCount - 1);
        width = font.getUint16(hmtx + 4 * glyph) / unitsPerEm;
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

/** Measures text in the regular or bold report font. */
export class TextMeasure {
  constructor(
    private readonly regular: FontMetrics,
    private readonly bold: FontMetrics,
  ) {}

  /** Width in px of `text` at `size` px. */
  width(text: string, size: number, bold = false): number {
    const metrics = bold ? this.bold : this.regular;
    let em = 0;
    for (const character of text) em += metrics.advance(character.codePointAt(0)!);
    return em * size;
  }

  /** Width of text in a CSS font shorthand as ECharts writes it, e.g. "bold 15px sans-serif" or "600 12px Arial". */
  widthInFont(text: string, font: string | undefined): number {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    return this.width(text, size, /\b(bold|bolder|[6-9]00)\b/.test(font ?? ''));
  }

  /** `text` cut to fit `width` px, ending with "…" when cut. */
  fit(text: string, width: number, size: number, bold = false): string {
    if (this.width(text, size, bold) <= width) return text;
    const characters = [...text];
    while (characters.length > 0 && this.width(`${characters.join('')}…`, size, bold) > width) characters.pop();
    return `${characters.join('')}…`;
  }
}
