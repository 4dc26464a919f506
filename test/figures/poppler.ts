/**
 * Poppler's command-line tools (Debian's poppler-utils) read PDFs the way viewers do: page size (pdfinfo), text
 * (pdftotext), fonts (pdffonts) and pixels (pdftoppm). Tests that need them skip, saying so once, where they are missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPoppler = ['pdfinfo', 'pdffonts', 'pdftotext', 'pdftoppm'].every(
  (tool) => spawnSync(tool, ['-v']).error === undefined,
);
if (!hasPoppler)
  console.log('PDF checks skipped: poppler-utils is not installed (apt-get install poppler-utils to enable them)');

/** Runs `use(path)` on the PDF written to a temporary file. */
function withFile<T>(pdf: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-pdf-'));
  try {
    const path = join(dir, 'figure.pdf');
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Page size in points and page count, as pdfinfo reads them (it fails on a PDF that does not parse). */
export function pdfInfo(pdf: Uint8Array): { width: number; height: number; pages: number } {
  const text = withFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(text);
  const pages = /Pages:\s+(\d+)/.exec(text);
  if (!size || !pages) throw new Error(`pdfinfo gave no page size:\n${text}`);
  return { width: Number(size[1]), height: Number(size[2]), pages: Number(pages[1]) };
}

/** The PDF's text as a viewer would select or search it. */
export const pdfText = (pdf: Uint8Array): string =>
  withFile(pdf, (path) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));

/** Each font of the PDF: its name, whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): Array<{ name: string; embedded: boolean }> {
  const lines = withFile(pdf, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }))
    .split('\n')
    .slice(2)
    .filter(Boolean);
  // Columns: name, type (may hold spaces), encoding, emb, sub, uni, object, ID: read from the right.
  return lines.map((line) => {
    const fields = line.trim().split(/\s+/);
    return { name: fields[0], embedded: fields[fields.length - 5] === 'yes' };
  });
}

/** The first page rendered by pdftoppm at `dpi` as PNG bytes. */
export function pdfToPng(pdf: Uint8Array, dpi: number): Buffer {
  return withFile(pdf, (path) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', path, join(path, '..', 'page')]);
    return readFileSync(join(path, '..', 'page.png'));
  });
}
