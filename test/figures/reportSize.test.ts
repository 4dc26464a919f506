/**
 * Report pages at a paper's figure size (`ttlab export --size`, the API's `size`): exactly as wide as asked, every
 * chart drawn across the page and as tall as the size (so the page is as tall as its charts, tables and text), text
 * still text at the paper's size, nothing past the page's edge, and the PNG at 300 dpi.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFigureSize, type FigureSize } from '#shared/charts/figureSize';
import { loadReport, type ReportTarget } from '../../src-main/report/data';
import { reportPng, reportSvg } from '../../src-main/report/image';
import { reportPdf } from '../../src-main/report/reportPdf';
import { openReportLab, type ReportLab } from '../report/lab';
import { pngSize } from '../report/png';
import { hasPoppler, pdfFonts, pdfInfo, pdfText } from './poppler';

const context = { exportedAt: new Date(0), version: 'test' };
let lab: ReportLab;
beforeAll(() => {
  lab = openReportLab();
});
afterAll(() => lab.dispose());

/** The charts nested in a page: where each is drawn and its size (render draws them as <svg x y width height>). */
function charts(svg: string): Array<{ x: number; y: number; width: number; height: number }> {
  return [...svg.matchAll(/<svg x="([-\d.]+)" y="([\d.]+)" width="(\d+)" height="(\d+)"/g)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
    width: Number(match[3]),
    height: Number(match[4]),
  }));
}

/** The page's own text, lines joined by spaces (a title wraps on a narrow page). */
const pageText = (svg: string) => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) => match[1]).join(' ');

/** Every font size of the page's text: the report's own (font-size="8") and the charts' (font-size:7px). */
const fontSizes = (svg: string) => [...svg.matchAll(/font-size(?:="|:)([\d.]+)/g)].map((match) => Number(match[1]));

describe('a report page at a figure size', () => {
  const cases: Array<[string, () => ReportTarget, number, string]> = [
    // A run report has three charts (loss, neurons, fit); a comparison its losses and a fit per run, two a row at 5.5 in.
    ['3.25inx2.2in', () => ({ runId: lab.runId }), 3, 'Run report: quick two-timescale'],
    ['neurips', () => ({ runIds: [lab.runId, lab.otherRunId] }), 3, 'Comparison of 2 runs'],
    ['column', () => ({ runIds: [lab.runId, lab.otherRunId] }), 3, 'Comparison of 2 runs'],
    ['8cmx6cm', () => ({ runId: lab.runId }), 3, 'Run report: quick two-timescale'],
  ];

  it.each(cases)(
    'at %s draws each chart across the page, as tall as the size, and nothing past its edge',
    (text, target, count, title) => {
      const size = parseFigureSize(text);
      const page = reportSvg(loadReport(lab.store, target()), context, { size });
      expect(page.unit).toBe('pt');
      expect(page.width).toBe(size.width);
      expect(pageText(page.svg)).toContain(title);
      const drawn = charts(page.svg);
      expect(drawn).toHaveLength(count);
      for (const chart of drawn) {
        expect(chart.x).toBeGreaterThanOrEqual(0);
        expect(chart.x + chart.width).toBeLessThanOrEqual(size.width + 0.5);
        expect(chart.height).toBeGreaterThanOrEqual(Math.round(size.height));
      }
      // Single charts span the page; the rows of charts and the text blocks add up to the page's height.
      expect(drawn.filter((chart) => chart.width === Math.floor(size.width)).length).toBeGreaterThanOrEqual(1);
      const rows = new Map(drawn.map((chart) => [chart.y, chart.height]));
      expect(page.height).toBeGreaterThan([...rows.values()].reduce((sum, height) => sum + height, 0));
      for (const match of page.svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g))
        expect(Number(match[1]) + Number(match[2])).toBeLessThanOrEqual(size.width + 0.5);
    },
  );

  it("sets its text at the paper's size: tables and axis names at the size's font size, nothing smaller than ticks", () => {
    for (const text of ['column', 'neurips']) {
      const size: FigureSize = parseFigureSize(text);
      const { svg } = reportSvg(loadReport(lab.store, { runId: lab.runId }), context, { size });
      const sizes = fontSizes(svg);
      expect(Math.min(...sizes)).toBe(size.fontSize - 1);
      expect(Math.max(...sizes)).toBeLessThan(2 * size.fontSize);
      // The most common size is the body text's: table cells and axis names.
      const counts = new Map<number, number>();
      for (const value of sizes) counts.set(value, (counts.get(value) ?? 0) + 1);
      expect([...counts].sort((a, b) => b[1] - a[1])[0][0]).toBe(size.fontSize);
      expect(svg).toContain(`font-size="${size.fontSize}" font-weight="bold" fill="#1f2329">jumps covered<`);
    }
  });

  it.skipIf(!hasPoppler)(
    'is a PDF page exactly that wide and as tall as the page, its text searchable in embedded fonts',
    async () => {
      for (const [text, target, , title] of cases) {
        const size = parseFigureSize(text);
        const data = loadReport(lab.store, target());
        const pdf = await reportPdf(data, context, { size });
        const read = pdfInfo(pdf);
        expect(read.pages).toBe(1);
        expect(Math.abs(read.width - size.width)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(read.height - reportSvg(data, context, { size }).height)).toBeLessThanOrEqual(0.5);
        const words = pdfText(pdf).replace(/\s+/g, ' ');
        for (const expected of [title, 'slow time τ = k·h·ε', 'L2 error L(a,u)', 'final loss'])
          expect(words).toContain(expected);
        expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
      }
    },
  );

  it('is a PNG of 300 pixels per inch of the page', () => {
    const size = parseFigureSize('8cmx6cm');
    const data = loadReport(lab.store, { runId: lab.runId });
    const page = reportSvg(data, context, { size });
    // resvg rounds the zoomed size to whole pixels: 8 cm at 300 dpi is 944.9 px.
    const png = pngSize(reportPng(data, context, { size }));
    expect(Math.abs(png.width - (page.width * 300) / 72)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(png.height - (page.height * 300) / 72)).toBeLessThanOrEqual(0.5);
    expect(png.width).toBe(945);
  });
});
