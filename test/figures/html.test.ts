/**
 * The interactive HTML report opened from a file in Chromium with the network off: every chart draws (its canvas is
 * not blank), nothing is requested from anywhere, and nothing is logged as an error.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport, type ReportTarget } from '../../src-main/report/data';
import { reportHtml } from '../../src-main/report/html';
import { openTempLab, quickConfig, storeEpsilonBySize, storeRun, type TempLab } from '../report/fixtures';
import { chromiumPath, hasChromium, launchChromium, watchProblems } from '../support/chromium';

if (!hasChromium)
  console.log(
    `HTML report browser checks skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set TTLAB_CHROMIUM)`,
  );
describe.skipIf(!hasChromium)('the HTML report, offline in Chromium', () => {
  let lab: TempLab;
  let browser: Browser;
  let dir: string;
  const targets: Record<string, ReportTarget> = {};
  beforeAll(async () => {
    lab = openTempLab();
    dir = mkdtempSync(join(tmpdir(), 'ttlab-html-'));
    // 2,000 checkpoints of 20 neurons: the size the issue asks to report.
    const big = storeRun(
      lab.store,
      quickConfig({ checkpoints: { kind: 'even', count: 2000 } }, 0.004),
      'two-timescale, 2000 checkpoints',
    );
    const other = storeRun(lab.store, quickConfig({ seed: 7 }, 0.004), 'seed 7');
    const sweepId = storeEpsilonBySize(lab.store, {
      tauMax: 0.001,
      epsilons: [2e-5, 1e-3],
      sizes: [10, 20],
      seeds: [0, 1],
    });
    Object.assign(targets, { run: { runId: big }, comparison: { runIds: [big, other] }, sweep: { sweepId } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    lab?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const kind of ['run', 'comparison', 'sweep']) {
    it(`draws every chart of a ${kind} report from one file, fetching nothing`, async () => {
      const html = reportHtml(loadReport(lab.store, targets[kind]), { exportedAt: new Date(0), version: 'test' });
      const file = join(dir, `${kind}.html`);
      writeFileSync(file, html);
      if (kind === 'run')
        console.log(
          `HTML run report, 2,000 checkpoints x 20 neurons: ${(html.length / 1024).toFixed(0)} KiB (of which ECharts about 1,096 KiB)`,
        );
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      const problems = watchProblems(page);
      const requests: string[] = [];
      page.on(
        'request',
        (request) =>
          !request.url().startsWith('file:') && !request.url().startsWith('data:') && requests.push(request.url()),
      );
      await page.goto(pathToFileURL(file).href);
      await page.waitForSelector('body[data-charts-drawn]');
      // Run in the page (the tests compile without DOM types): the share of inked pixels of each chart. ECharts may draw
      // a series on a layer of its own (another canvas of the same size): a pixel is inked on any layer.
      const inked = await page.evaluate<Array<{ chart: string; share: number }>>(`
        [...document.querySelectorAll('.chart')].map((chart) => {
          const layers = [...chart.querySelectorAll('canvas')].map((canvas) => canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data);
          const { width, height } = chart.querySelector('canvas');
          let ink = 0;
          for (let i = 3; i < 4 * width * height; i += 4) if (layers.some((pixels) => pixels[i] > 0)) ink++;
          return { chart: chart.getAttribute('data-chart'), share: ink / (width * height) };
        })
      `);
      await context.close();
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(inked.length).toBeGreaterThan(kind === 'run' ? 3 : 1);
      for (const { chart, share } of inked) expect(share, `${chart} is blank`).toBeGreaterThan(0.02);
    });
  }
});
