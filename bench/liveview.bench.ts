/**
 * Cost of one live-chart update: building the option from the checkpoints (the same pure builders the run view uses)
 * plus ECharts setOption (layout and every graphic element) on a server-side-rendered instance; the option build is
 * also reported alone, and the SVG text of a full repaint is timed apart (the UI paints a canvas instead, which this
 * does not measure). The UI (useChart) draws a chart that costs more than its frame budget in a frame of its own, so
 * the largest single-chart update is what can block the main thread. Times are main-thread wall time (run on an idle
 * machine); each chart is updated a few times first, as a live view is, so that the JIT has compiled the code it
 * runs, after a full garbage collection, so that no chart pays for the garbage of the bench's own set-up (made-up
 * checkpoints, the previous chart). 20 neurons and 2,000 checkpoints, then 1,000 neurons.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as echarts from 'echarts';
import type { CheckpointSeries } from '#shared/api/contract';
import { fitChartOption } from '#shared/charts/fit';
import type { ChartOption } from '#shared/charts/frame';
import { lossChartOption } from '#shared/charts/loss';
import { neuronsChartOption, weightsChartOption } from '#shared/charts/parameters';
import { parseRunConfig, type RunConfig } from '#shared/config/schema';
import { packCheckpoints } from '#shared/run/series';
import type { Figure } from './run';

/** An update that takes longer than this blocks the main thread noticeably (a long task). */
const LONG_TASK_MS = 50;
/** Untimed updates per chart first (the first ones run code the JIT has not compiled yet). */
const WARM_UPS = 3;
/** Timed updates per chart. */
const REPEATS = 7;

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

/**
 * Milliseconds `work` holds the main thread: wall time of the synchronous call. (Process CPU time would also count
 * the garbage collector's helper threads, which run beside the main thread without blocking it; on a busy machine
 * wall time also counts time the process waited for a core, so run it on an idle one.)
 */
function mainMs(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

setFlagsFromString('--expose-gc');
/** A full garbage collection (the flag above makes `gc` available to contexts created after it). */
const collectGarbage = runInNewContext('gc') as () => void;

/** Median of some times (sorts them). */
const median = (values: number[]) => values.sort((p, q) => p - q)[Math.floor(values.length / 2)];

/** Main-thread milliseconds of one chart's updates (build + setOption, series replaced): median and largest; median build alone and repaint. */
function time(build: () => ChartOption): { median: number; max: number; build: number; svg: number } {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 340 });
  const update = () => chart.setOption({ ...build(), animation: false }, { replaceMerge: ['series'] });
  collectGarbage();
  for (let w = 0; w < WARM_UPS; w++) update();
  const updates: number[] = [];
  const builds: number[] = [];
  const repaints: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    updates.push(mainMs(update));
    builds.push(mainMs(build));
    repaints.push(mainMs(() => chart.renderToSVGString()));
  }
  chart.dispose();
  return { median: median(updates), max: Math.max(...updates), build: median(builds), svg: median(repaints) };
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
      const { median, max, build: option, svg } = time(build);
      total += median;
      worst = Math.max(worst, max);
      figures.push({
        name: `${chart} chart update, m=${m}, ${count} checkpoints`,
        value: Number(median.toFixed(1)),
        unit: 'ms',
        target: `<= ${LONG_TASK_MS} ms`,
      });
      figures.push({
        name: `${chart} chart longest update, m=${m}`,
        value: Number(max.toFixed(1)),
        unit: 'ms',
        target: `<= ${LONG_TASK_MS} ms`,
      });
      figures.push({ name: `${chart} chart option build alone, m=${m}`, value: Number(option.toFixed(1)), unit: 'ms' });
      figures.push({ name: `${chart} chart SVG repaint (export), m=${m}`, value: Number(svg.toFixed(1)), unit: 'ms' });
    }
    figures.push({
      name: `all four charts, m=${m}, ${count} checkpoints`,
      value: Number(total.toFixed(1)),
      unit: 'ms',
    });
  }
  figures.push({
    name: 'longest single update (any chart)',
    value: Number(worst.toFixed(1)),
    unit: 'ms',
    target: `<= ${LONG_TASK_MS} ms`,
  });
  figures.push({
    name: `main thread blocked > ${LONG_TASK_MS} ms by one update`,
    value: worst > LONG_TASK_MS ? 1 : 0,
    unit: 'yes=1',
    target: '0',
  });
  return figures;
}
