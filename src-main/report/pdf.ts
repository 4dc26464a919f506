/**
 * Vector PDF from the SVG the reports already draw: PDFKit writes the pages, svg-to-pdfkit draws each SVG into one
 * with the shipped DejaVu fonts embedded (subsetted), so text stays text (selectable, searchable, sharp at any zoom).
 * One SVG unit is one PDF point: a page is exactly the size asked for.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { reportFontFiles } from './fonts';

/** One page: an SVG document drawn at width x height points (its viewBox fills the page). */
interface PdfPage {
  svg: string;
  /** width, height: the page size in PDF points (1/72 in). */
  width: number;
  height: number;
}

/** What the PDF's document information says. */
export interface PdfInfo {
  title: string;
  /** creator: the program that made the file, e.g. "Two-Timescale Lab 0.1.0". */
  creator: string;
  /** createdAt: fixed by the caller so the same input gives the same bytes. */
  createdAt: Date;
}

const REGULAR = 'report-regular';
const BOLD = 'report-bold';

/**
 * ECharts writes weights as numbers (600) or "bold"; svg-to-pdfkit only knows "bold". Heavy numeric weights become
 * "bold" so titles keep their bold face instead of a faux one.
 */
function normaliseWeights(svg: string): string {
  return svg
    .replace(/font-weight(="|:\s*)([6-9]00)/g, (_, separator: string) => `font-weight${separator}bold`)
    .replace(/font:\s*(?:normal\s+)?([6-9]00)\s/g, 'font:bold ');
}

/**
 * Refuses what the SVG must not make the PDF writer do: only inline (data:) images, never a file or URL read, and no
 * external documents. The SVG comes from chart options or from the window's save menu.
 */
const imageOnlyInline = (link: string): string =>
  link.replace(/\s+/g, '').startsWith('data:image/') ? link.replace(/\s+/g, '') : '';

/** The pages as one PDF document (resolves when every byte is written). */
export function pdfDocument(pages: readonly PdfPage[], info: PdfInfo): Promise<Buffer> {
  if (pages.length === 0) throw new RangeError('a PDF needs at least one page');
  const [regular, bold] = reportFontFiles();
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: true,
    info: {
      Title: info.title,
      Creator: info.creator,
      Producer: info.creator,
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(REGULAR, regular);
  doc.registerFont(BOLD, bold);
  for (const page of pages) {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    SVGtoPDF(doc, normaliseWeights(page.svg), 0, 0, {
      width: page.width,
      height: page.height,
      // The drawing has the page's aspect up to the rounding of its pixel grid: stretched by under 0.3 % to fill the page.
      preserveAspectRatio: 'none',
      assumePt: true,
      fontCallback: (_family: string, isBold: boolean) => (isBold ? BOLD : REGULAR),
      imageCallback: imageOnlyInline,
      // Unsupported SVG features are drawn as well as the library can; they are not errors of the export.
      warningCallback: () => undefined,
    });
  }
  doc.end();
  return done;
}
