/**
 * Vector PDF of charts and report pages: the page is the size asked for, titles and axis names are text, the fonts are
 * embedded, and the page rendered by poppler looks like the PNG export of the same figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFigureSize } from '#shared/charts/figureSize';
import { lossChartOption } from '#shared/charts/loss';
import { neuronsChartOption } from '#shared/charts/parameters';
import { loadReport } from '../../src-main/report/data';
import { figurePdf, figurePng } from '../../src-main/report/figure';
import { reportSvg } from '../../src-main/report/image';
import { reportCharts } from '../../src-main/report/namedCharts';
import { POINTS_PER_PIXEL, reportPdf } from '../../src-main/report/reportPdf';
import { paperConfig, syntheticSeries } from '../charts/series';
import { openReportLab, type ReportLab } from '../report/lab';
import { decodePng } from '../report/png';
import { differingShare, inkShare } from './compare';
import { hasPoppler, pdfFonts, pdfInfo, pdfText, pdfToPng } from './poppler';

const info = { title: 'Loss', creator: 'Two-Timescale Lab test', createdAt: new Date(0) };
const series = syntheticSeries({ m: 6, count: 80, limitLoss: (i) => 0.4 * Math.exp(-i / 9) });
const loss = lossChartOption(series, paperConfig());

describe.skipIf(!hasPoppler)('a chart as vector PDF', () => {
  for (const size of ['column', 'neurips', 'full-width', 'slide', '3.25inx2.2in', '8cmx6cm']) {
    it(`has a page of exactly ${size}`, async () => {
      const figure = parseFigureSize(size);
      const page = pdfInfo(await figurePdf(loss, figure, info));
      expect(page.pages).toBe(1);
      expect(Math.abs(page.width - figure.width)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(page.height - figure.height)).toBeLessThanOrEqual(0.5);
    });
  }

  it('keeps the title, axis names and legend as text, in embedded fonts', async () => {
    const pdf = await figurePdf(loss, parseFigureSize('neurips'), info);
    const text = pdfText(pdf);
    for (const words of ['Loss', 'L2 error L(a,u)', 'slow time τ = k·h·ε', 'SGD loss L(a,u)', 'limit L0(u)'])
      expect(text).toContain(words);
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded && font.name.includes('DejaVuSans'))).toBe(true);
  });

  it('renders (pdftoppm) like the PNG export of the same chart, and unlike another chart', async () => {
    const size = parseFigureSize('neurips');
    const fromPdf = decodePng(pdfToPng(await figurePdf(loss, size, info), 144));
    const png = decodePng(figurePng(loss, size, 144));
    expect(inkShare(fromPdf)).toBeGreaterThan(0.02);
    const same = differingShare(fromPdf, png);
    const other = differingShare(fromPdf, decodePng(figurePng(neuronsChartOption(series, paperConfig()), size, 144)));
    console.log(
      `pdftoppm vs PNG export: ${(100 * same).toFixed(2)} % of pixels differ clearly (another chart: ${(100 * other).toFixed(2)} %)`,
    );
    expect(same).toBeLessThan(0.01);
    expect(other).toBeGreaterThan(5 * same);
  });
});

describe.skipIf(!hasPoppler)('report pages and every named chart as PDF', () => {
  let lab: ReportLab;
  beforeAll(() => {
    lab = openReportLab();
  });
  afterAll(() => lab.dispose());
  const context = { exportedAt: new Date(0), version: 'test' };

  it('writes each report page at its CSS size in points, its text searchable', async () => {
    const targets = {
      run: { runId: lab.runId },
      comparison: { runIds: [lab.runId, lab.otherRunId] },
      sweep: { sweepId: lab.sweepId },
    };
    const titles = {
      run: 'Run report: quick two-timescale',
      comparison: 'Comparison of 2 runs',
      sweep: 'Sweep report: epsilon x m',
    };
    for (const [kind, target] of Object.entries(targets)) {
      const data = loadReport(lab.store, target);
      const pdf = await reportPdf(data, context);
      const page = reportSvg(data, context);
      const read = pdfInfo(pdf);
      expect(Math.abs(read.width - page.width * POINTS_PER_PIXEL)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(read.height - page.height * POINTS_PER_PIXEL)).toBeLessThanOrEqual(0.5);
      expect(pdfText(pdf)).toContain(titles[kind as keyof typeof titles]);
      expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
      expect(inkShare(decodePng(pdfToPng(pdf, 36)))).toBeGreaterThan(0.01);
    }
  });

  it('draws every chart of a run, a comparison and a sweep as a PDF with its title as text', async () => {
    const size = parseFigureSize('column');
    const targets = [{ runId: lab.runId }, { runIds: [lab.runId, lab.otherRunId] }, { sweepId: lab.sweepId }];
    const drawn: string[] = [];
    for (const target of targets) {
      for (const [name, option] of Object.entries(reportCharts(loadReport(lab.store, target)))) {
        const pdf = await figurePdf(option, size, { ...info, title: name });
        const title = String((option.title as { text: string }).text);
        expect(pdfText(pdf).replace(/\s+/g, ' '), name).toContain(title.slice(0, 20));
        expect(pdfInfo(pdf).width).toBeCloseTo(size.width, 0);
        drawn.push(name);
      }
    }
    expect(drawn).toEqual([
      'loss',
      'neurons',
      'weights',
      'fit',
      'loss',
      'seed-bands',
      'final-loss',
      'convergence',
      'phase',
    ]);
  });
});
