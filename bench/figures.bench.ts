/**
 * Figures for papers: one chart as vector PDF at a venue's size, the run report page as PDF, and the size of the
 * interactive HTML report of a run of 2,000 checkpoints x 20 neurons.
 */
import { parseFigureSize } from '#shared/charts/figureSize';
import { lossChartOption } from '#shared/charts/loss';
import { loadReport } from '../src-main/report/data';
import { figurePdf } from '../src-main/report/figure';
import { reportHtml } from '../src-main/report/html';
import { reportPdf } from '../src-main/report/reportPdf';
import { openTempLab, quickConfig, storeRun } from '../test/report/fixtures';
import type { Figure } from './run';

/** Median wall time of `repeats` calls, in ms. */
async function medianMs(repeats: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

export async function run(): Promise<Figure[]> {
  const lab = openTempLab();
  try {
    const runId = storeRun(
      lab.store,
      quickConfig({ checkpoints: { kind: 'even', count: 2000 } }, 0.004),
      '2000 checkpoints',
    );
    const data = loadReport(lab.store, { runId });
    const context = { exportedAt: new Date(0), version: 'bench' };
    const option = lossChartOption(data.runs[0].series, data.runs[0].detail.config);
    const info = { title: 'Loss', creator: 'bench', createdAt: new Date(0) };
    const size = parseFigureSize('neurips');
    const html = reportHtml(data, context);
    return [
      {
        name: 'loss chart as vector PDF, NeurIPS column, 2,000 checkpoints',
        value: await medianMs(7, () => figurePdf(option, size, info)),
        unit: 'ms',
        target: '500 ms',
      },
      {
        name: 'run report page as vector PDF, 2,000 checkpoints x 20 neurons',
        value: await medianMs(3, () => reportPdf(data, context)),
        unit: 'ms',
        target: '3000 ms',
      },
      {
        name: 'interactive HTML report, 2,000 checkpoints x 20 neurons',
        value: Math.round(html.length / 1024),
        unit: 'KiB',
        target: '3072 KiB',
      },
    ];
  } finally {
    lab.dispose();
  }
}
