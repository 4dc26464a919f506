import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport, type ReportTarget } from '../../src-main/report/data';
import { pagePng, reportSvg } from '../../src-main/report/image';
import { PAGE_WIDTH } from '../../src-main/report/page';
import { decodePng, greyVariance, pngSize, textElements, textInk } from './png';
import { openReportLab, type ReportLab } from './lab';

const context = { exportedAt: new Date('2026-01-02T03:04:05Z'), version: '9.8.7' };
let lab: ReportLab;
beforeAll(() => {
  lab = openReportLab();
});
afterAll(() => lab.dispose());

describe('report images', () => {
  const targets: Array<[string, () => ReportTarget, string[]]> = [
    [
      'run',
      () => ({ runId: lab.runId }),
      [
        'Run report: quick two-timescale',
        'Configuration',
        'Jump coverage at the last checkpoint',
        'Neuron positions',
        'Learned function',
        'Two-Timescale Lab 9.8.7 · exported 2026-01-02 03:04:05 UTC',
      ],
    ],
    [
      'comparison',
      () => ({ runIds: [lab.runId, lab.otherRunId] }),
      ['Comparison of 2 runs', 'Loss of each run', 'What differs', 'Final fits'],
    ],
    [
      'sweep',
      () => ({ sweepId: lab.sweepId }),
      [
        'Sweep report: epsilon x m',
        'Final loss by parameter value',
        'Probability of convergence',
        'Phase diagram',
        'Grid points',
      ],
    ],
  ];

  it.each(targets)('draws the %s report with its sections, as a PNG with its text', (kind, target, sections) => {
    const data = loadReport(lab.store, target());
    expect(data.kind).toBe(kind);
    const page = reportSvg(data, context);
    for (const section of sections) expect(page.svg).toContain(`>${section.replace(/&/g, '&amp;')}<`);
    const png = pagePng(page.svg, { pixelRatio: 1 });
    const image = decodePng(png);
    expect([image.width, image.height]).toEqual([PAGE_WIDTH, page.height]);
    expect(greyVariance(image)).toBeGreaterThan(100);
    expect(textInk(page.svg, png, 1)).toBeGreaterThan(10 * textElements(page.svg));
  });

  it('scales with the pixel ratio', () => {
    const page = reportSvg(loadReport(lab.store, { runId: lab.runId }), context);
    expect(pngSize(pagePng(page.svg, { pixelRatio: 2 }))).toEqual({ width: 2 * PAGE_WIDTH, height: 2 * page.height });
  });

  it('fails the text check when drawn without fonts', () => {
    const page = reportSvg(loadReport(lab.store, { sweepId: lab.sweepId }), context);
    expect(textElements(page.svg)).toBeGreaterThan(50);
    expect(textInk(page.svg, pagePng(page.svg, { pixelRatio: 1, fonts: [] }), 1)).toBe(0);
  });

  it('names compared runs by their names, and tables what differs in their configurations', () => {
    const page = reportSvg(loadReport(lab.store, { runIds: [lab.runId, lab.otherRunId] }), context);
    expect(page.svg).toContain('quick two-timescale');
    expect(page.svg).toContain('larger epsilon, seed 7');
    expect(page.svg).not.toContain('epsilon=2e-5');
    for (const value of ['2e-5', '0.001', '>7<']) expect(page.svg).toContain(value);
  });

  it('is the same SVG for the same data and context', () => {
    const draw = () => reportSvg(loadReport(lab.store, { runIds: [lab.runId, lab.otherRunId] }), context).svg;
    expect(draw()).toBe(draw());
  });
});
