/**
 * Cost of one live-chart update: building the option from the checkpoints (the same pure builders the run view uses)
 * plus ECharts setOption (layout and every graphic element) on a server-side-rendered instance; the SVG text of a
 * full repaint is timed apart (the UI paints a canvas instead, which this does not measure). The UI redraws each chart
 * in its own animation frame, so the largest single-chart update is what can block the main thread. Times are process
 * CPU time, so that other processes on the machine disturb them less. 20 neurons and 2,000 checkpoints, then 1,000
 * neurons.
 */
import * as echarts from 'echarts';
import type { CheckpointSeries } from '../src-shared/api/contract';
import { fitChartOption } from '../src-shared/charts/fit';
import type { ChartOption } from '../src-shared/charts/frame';
import { lossChartOption } from '../src-shared/charts/loss';
import { neuronsChartOption, weightsChartOption } from '../src-shared/charts/parameters';
import { parseRunConfig, type RunConfig } from '../src-shared/config/schema';
import { packCheckpoints } from '../src-shared/run/series';
import type { Figure } from './run';

/** An update that takes longer than this blocks the main thread noticeably (a long task). */
const LONG_TASK_MS = 50;
/** Timed updates per chart, after one warm-up. */
const REPEATS = 5;

/** Smooth made-up trajectories of m neurons over `count` checkpoints, with the limit loss beside. */
function series(m: number, count: number): CheckpointSeries {
  return packCheckpoints(
    'bench',
    Array.from({ length: count }, (_, i) => ({
      step: i * 1000,
      tau: i * 1e-5,
      loss: 0.5 * Math.exp(-i / 300) + 0.008,
      limitLoss: 0.5 * Math.exp(-i / 250),
      covered: Math.min(5, Math.floor(i / 300)),
      a: Float64Array.from({ length: m + 1 }, (_, j) => Math.cos(j + i / 70)),
      u: Float64Array.from({ length: m }, (_, j) => (j + 0.5) / m + 0.01 * Math.sin(i / 50 + j)),
    })),
  );
}

/** CPU milliseconds spent in `work`. */
function cpuMs(work: () => void): number {
  const started = process.cpuUsage();
  work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Median CPU milliseconds of one chart's update (build + setOption, series replaced) and largest one; median repaint. */
function time(build: () => ChartOption): { median: number; max: number; svg: number } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 340 });
  const update = () => chart.setOption({ ...build(), animation: false }, { replaceMerge: ['series'] });
  update();
  const updates: number[] = [];
  const repaints: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    updates.push(cpuMs(update));
    repaints.push(cpuMs(() => chart.renderToSVGString()));
  }
  chart.dispose();
  const median = (values: number[]) => values.sort((p, q) => p - q)[Math.floor(values.length / 2)];
  return { median: median(updates), max: Math.max(...updates), svg: median(repaints) };
}

function charts(data: CheckpointSeries, config: RunConfig): Record<string, () => ChartOption> {
  const options = { x: 'tau' as const, interactive: true };
  return {
    loss: () => lossChartOption(data, config, options),
    neurons: () => neuronsChartOption(data, config, options),
    weights: () => weightsChartOption(data, config, options),
    fit: () => fitChartOption(data, config, data.count - 1),
  };
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  let worst = 0;
  for (const [m, count] of [
    [20, 2000],
    [1000, 2000],
  ]) {
    const config = parseRunConfig({ network: { m }, sgd: { h: 1e-3, limitBeside: true } });
    let total = 0;
    for (const [chart, build] of Object.entries(charts(series(m, count), config))) {
      const { median, max, svg } = time(build);
      total += median;
      worst = Math.max(worst, max);
      figures.push({ name: `${chart} chart update, m=${m}, ${count} checkpoints`, value: Number(median.toFixed(1)), unit: 'ms', target: `<= ${LONG_TASK_MS} ms` });
      figures.push({ name: `${chart} chart SVG repaint (export), m=${m}`, value: Number(svg.toFixed(1)), unit: 'ms' });
    }
    figures.push({ name: `all four charts, m=${m}, ${count} checkpoints`, value: Number(total.toFixed(1)), unit: 'ms' });
  }
  figures.push({ name: 'longest single update (any chart)', value: Number(worst.toFixed(1)), unit: 'ms', target: `<= ${LONG_TASK_MS} ms` });
  figures.push({ name: `main thread blocked > ${LONG_TASK_MS} ms by one update`, value: worst > LONG_TASK_MS ? 1 : 0, unit: 'yes=1', target: '0' });
  return figures;
}
