/** "Export report" as PDF or HTML, and the window's chart figures (renderFigure), through the API as the UI calls them. */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { parseFigureSize } from '#shared/charts/figureSize';
import { lossChartOption } from '#shared/charts/loss';
import { figureDrawing } from '../../src-main/report/figure';
import { paperConfig, syntheticSeries } from '../charts/series';
import { quickConfig } from '../pool/record';
import { pngSize } from '../report/png';
import { openHarness, type Harness } from '../service/labHarness';
import { hasPoppler, pdfInfo } from './poppler';

const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('figures through the API', () => {
  let h: Harness;
  let runId: string;
  beforeAll(async () => {
    h = openHarness(1);
    const reply = await dispatch(h.lab.handlers, 'startRun', { config: quickConfig(4000, 1000, 1) });
    if (!reply.ok) throw new Error(reply.error.message);
    runId = (reply.result as { runId: string }).runId;
    await h.ended(runId);
  });
  afterAll(async () => h?.dispose());

  it('exports the report page as PDF and as one HTML file', async () => {
    for (const format of ['pdf', 'html'] as const) {
      const reply = await dispatch(h.lab.handlers, 'exportReport', { target: { runId }, format });
      if (!reply.ok) throw new Error(reply.error.message);
      const { fileName, data } = reply.result as { fileName: string; data: Uint8Array };
      expect(fileName.endsWith(`-report.${format}`)).toBe(true);
      if (format === 'pdf') expect(text(data.subarray(0, 5))).toBe('%PDF-');
      else expect(text(data)).toContain('id="report-data"');
    }
  });

  it.skipIf(!hasPoppler)(
    "lays the report page out at the size asked for: the PDF page and the zip's report.png and report.svg",
    async () => {
      const pdf = await dispatch(h.lab.handlers, 'exportReport', {
        target: { runId },
        format: 'pdf',
        size: '3.25inx2.2in',
      });
      if (!pdf.ok) throw new Error(pdf.error.message);
      expect(Math.abs(pdfInfo((pdf.result as { data: Uint8Array }).data).width - 234)).toBeLessThanOrEqual(0.5);
      const zip = await dispatch(h.lab.handlers, 'exportReport', { target: { runId }, size: 'column' });
      if (!zip.ok) throw new Error(zip.error.message);
      const files = unzipSync((zip.result as { data: Uint8Array }).data);
      expect(pngSize(files['report.png']).width).toBe(975);
      expect(text(files['report.svg'])).toMatch(/^<svg [^>]*width="234pt"/);
    },
  );

  it.skipIf(!hasPoppler)('makes a chart drawn at a figure size into a PDF page of that size', async () => {
    const size = parseFigureSize('column');
    const svg = figureDrawing(lossChartOption(syntheticSeries({ m: 4, count: 30 }), paperConfig()), size);
    const reply = await dispatch(h.lab.handlers, 'renderFigure', {
      svg,
      width: size.width,
      height: size.height,
      format: 'pdf',
      title: 'Loss',
    });
    if (!reply.ok) throw new Error(reply.error.message);
    const page = pdfInfo((reply.result as { data: Uint8Array }).data);
    expect([page.width, page.height]).toEqual([size.width, +size.height.toFixed(2)]);
  });

  it('refuses what is not a bounded SVG figure, naming the field', async () => {
    const bad = [
      [{ svg: 'hello', width: 200, height: 100, format: 'pdf', title: 'x' }, /svg.*must be an SVG document/],
      [{ svg: '<svg></svg>', width: 2, height: 100, format: 'pdf', title: 'x' }, /width.*at least 36 pt/],
      [{ svg: '<svg></svg>', width: 200, height: 100, format: 'gif', title: 'x' }, /format.*pdf or png/],
      [{ target: { runId: 'x' }, format: 'docx' }, /format.*zip, pdf, html/],
      [
        { target: { runId: 'x' }, format: 'pdf', size: '3x2' },
        /^size: "3x2" is not a size: use one of neurips, column, full-width, slide, or WIDTHxHEIGHT/,
      ],
      [{ target: { runId: 'x' }, format: 'pdf', size: '100inx2in' }, /^size: width 7200 pt is outside 36-2880 pt/],
      [
        { target: { runId: 'x' }, format: 'html', size: 'column' },
        /^size: the interactive HTML report has no page size/,
      ],
    ] as const;
    for (const [params, message] of bad) {
      const method = 'svg' in params ? 'renderFigure' : 'exportReport';
      const reply = await dispatch(h.lab.handlers, method, params);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.message).toMatch(message);
    }
  });
});
