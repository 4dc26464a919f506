/**
 * Writes the figure samples of docs/samples/ from real short runs: `npx tsx test/figures/makeSamples.ts`. Vector PDFs
 * at venue sizes (with a PNG of each drawn by poppler's pdftoppm, as a reader's viewer shows them), the run report
 * as PDF on screen and at the two-column venues' column width, and the interactive HTML report with a screenshot
 * taken in Chromium, offline.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFigureSize } from '#shared/charts/figureSize';
import { loadReport, type ReportTarget } from '../../src-main/report/data';
import { figurePdf } from '../../src-main/report/figure';
import { reportHtml } from '../../src-main/report/html';
import { namedChart } from '../../src-main/report/namedCharts';
import { reportPdf } from '../../src-main/report/reportPdf';
import { appVersion } from '../../src-main/report/version';
import { launchChromium } from '../support/chromium';
import { openTempLab, quickConfig, storeEpsilonBySize, storeRun } from '../report/fixtures';

const out = fileURLToPath(new URL('../../docs/samples/', import.meta.url));
mkdirSync(out, { recursive: true });
const lab = openTempLab();
const context = { exportedAt: new Date(), version: appVersion() };

/** Writes `name`.pdf and its page drawn by pdftoppm at 150 dpi as `name`.png. */
function writePdf(name: string, pdf: Uint8Array, dpi = 150): void {
  writeFileSync(`${out}${name}.pdf`, pdf);
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', `${out}${name}.pdf`, `${out}${name}`]);
  console.log(`${name}.pdf: ${pdf.length} bytes`);
}

try {
  const seeds = [42, 1, 2, 3, 4].map((seed) =>
    storeRun(lab.store, quickConfig({ seed }, 0.035), `two-timescale, seed ${seed}`),
  );
  const same = [42, 1, 2, 3, 4].map((seed) =>
    storeRun(lab.store, quickConfig({ seed, sgd: { h: 1e-5, epsilon: 1 } }, 10), `same stepsizes, seed ${seed}`),
  );
  const sweepId = storeEpsilonBySize(lab.store, {
    tauMax: 0.02,
    epsilons: [2e-5, 1e-3, 0.1],
    sizes: [10, 20, 40],
    seeds: [0, 1, 2, 3, 4, 5],
  });
  const run: ReportTarget = { runId: seeds[0] };
  const comparison: ReportTarget = { runIds: [...seeds, ...same] };
  const sweep: ReportTarget = { sweepId };
  const figures: Array<[string, ReportTarget, string, string]> = [
    ['figure-loss-neurips', run, 'loss', 'neurips'],
    ['figure-seed-bands-full-width', comparison, 'seed-bands', 'full-width'],
    ['figure-final-loss-column', sweep, 'final-loss', 'column'],
    ['figure-convergence-column', sweep, 'convergence', 'column'],
    ['figure-phase-column', sweep, 'phase', 'column'],
  ];
  for (const [name, target, chart, size] of figures) {
    const option = namedChart(loadReport(lab.store, target), chart, { band: 'iqr' });
    writePdf(
      name,
      await figurePdf(option, parseFigureSize(size), {
        title: chart,
        creator: `Two-Timescale Lab ${context.version}`,
        createdAt: context.exportedAt,
      }),
    );
  }
  writePdf('run-report-pdf', await reportPdf(loadReport(lab.store, run), context), 72);
  writePdf(
    'run-report-column',
    await reportPdf(loadReport(lab.store, run), context, { size: parseFigureSize('column') }),
  );

  const html = reportHtml(loadReport(lab.store, sweep), context);
  writeFileSync(`${out}sweep-report.html`, html);
  console.log(`sweep-report.html: ${html.length} bytes`);
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ offline: true, viewport: { width: 1100, height: 900 } })).newPage();
    await page.goto(`file://${out}sweep-report.html`);
    await page.waitForSelector('body[data-charts-drawn]');
    await page.locator('#chart-0').scrollIntoViewIfNeeded();
    await page.locator('#chart-0').hover({ position: { x: 300, y: 200 } });
    await page.screenshot({ path: `${out}sweep-report-html.png`, fullPage: true });
  } finally {
    await browser.close();
  }
} finally {
  lab.dispose();
}
