import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { fitChartOption, fitGrid, targetPoints } from '../../src-shared/charts/fit';
import { LOG_FLOOR, lossChartOption } from '../../src-shared/charts/loss';
import { neuronsChartOption, weightsChartOption } from '../../src-shared/charts/parameters';
import { MANY_LINES_POINTS } from '../../src-shared/charts/trajectories';
import type { ChartOption } from '../../src-shared/charts/frame';
import { PAPER_TARGET } from '../../src-shared/config/schema';
import { evalNetwork } from '../../src-shared/math/network';
import { checkpointAt } from '../../src-shared/run/series';
import { paperConfig, syntheticSeries } from './series';

type Loose = Record<string, unknown> & { data?: unknown[]; markLine?: { data: Array<{ name: string; yAxis: number }> } };
const seriesOf = (option: ChartOption) => option.series as Loose[];
const axis = (option: ChartOption, which: 'xAxis' | 'yAxis') => option[which] as { type: string; name: string };

/** Renders an option server-side to SVG, the way reports will; throws on an option ECharts rejects. */
function renderSvg(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('lossChartOption', () => {
  const config = paperConfig();

  it('draws the SGD loss and the limit on a log axis, with the floor eta sum(Delta^2) / 28 as a dashed line', () => {
    const series = syntheticSeries({ m: 20, count: 101, limitLoss: (i) => 0.3 * Math.exp(-i / 20) });
    const option = lossChartOption(series, config);
    const [sgd, limit] = seriesOf(option);
    expect(sgd.name).toBe('SGD loss L(a,u)');
    expect(limit.name).toBe('limit L0(u)');
    expect(sgd.data).toHaveLength(101);
    expect(axis(option, 'yAxis').type).toBe('log');
    expect(axis(option, 'xAxis').type).toBe('value');
    expect(axis(option, 'xAxis').name).toContain('slow time τ');
    // Paper target: jumps 4, -4, 2, -2, 4 give sum Delta^2 = 56; eta = 4e-3.
    // A segment from the first to the last plotted time at the floor (a bare yAxis snaps to a power of ten on log axes).
    const [start, end] = sgd.markLine!.data[0] as unknown as Array<{ name?: string; coord: number[] }>;
    expect(start.name).toBe('floor 0.008');
    expect(start.coord[1]).toBeCloseTo((4e-3 * 56) / 28, 15);
    expect(end.coord[1]).toBe(start.coord[1]);
    const points = sgd.data as number[][];
    expect([start.coord[0], end.coord[0]]).toEqual([points[0][0], points[100][0]]);
    expect(renderSvg(option)).toContain('Loss');
  });

  it('clips a limit loss of exactly 0 to the log floor, says so, and keeps the true value for the tooltip', () => {
    const series = syntheticSeries({ m: 20, count: 50, limitLoss: (i) => (i < 30 ? 0.1 / (i + 1) : 0) });
    const [, limit] = seriesOf(lossChartOption(series, config));
    expect(limit.name).toMatch(/below 1e-6 drawn at 1e-6/);
    const last = limit.data!.at(-1) as number[];
    expect(last[1]).toBe(LOG_FLOOR);
    expect(last[2]).toBe(0);
    const [, linear] = seriesOf(lossChartOption(series, config, { logY: false }));
    expect((linear.data!.at(-1) as number[])[1]).toBe(0);
  });

  it('uses steps or a log time axis on request, leaving out time 0 there', () => {
    const series = syntheticSeries({ m: 3, count: 20 });
    const option = lossChartOption(series, config, { x: 'step', logX: true });
    expect(axis(option, 'xAxis').type).toBe('log');
    expect(axis(option, 'xAxis').name).toContain('step');
    const data = seriesOf(option)[0].data as number[][];
    expect(data).toHaveLength(19);
    expect(data[0][0]).toBe(1000);
  });

  it('decimates long runs for display and leaves the series untouched', () => {
    const series = syntheticSeries({ m: 2, count: 5000 });
    const option = lossChartOption(series, config);
    expect(seriesOf(option)[0].data!.length).toBeLessThanOrEqual(1500);
    expect(series.loss).toHaveLength(5000);
    expect(option.animation).toBe(true);
  });
});

describe('neuronsChartOption', () => {
  it('draws one thin line per neuron and the jumps as labelled horizontal lines', () => {
    const series = syntheticSeries({ m: 5, count: 30 });
    const option = neuronsChartOption(series, paperConfig());
    const lines = seriesOf(option);
    expect(lines.filter((s) => s.name === 'neuron positions u_j').map((s) => s.id)).toEqual(['u_1', 'u_2', 'u_3', 'u_4', 'u_5']);
    const second = lines[1].data as number[][];
    expect(second[4]).toEqual([series.tau[4], series.u[4 * 5 + 1]]);
    const jumps = lines.find((s) => s.name === 'target jumps v_i')!;
    expect(jumps.markLine!.data.map((d) => d.yAxis)).toEqual(PAPER_TARGET.positions);
    expect(jumps.markLine!.data[1].name).toBe('jump v = 0.35');
    expect(axis(option, 'yAxis').name).toBe('position u_j');
    expect(renderSvg(option)).toContain('jump v = 0.35');
  });

  it('keeps 1,000 neurons drawable: one series with gaps, about 200 points per neuron, no animation', () => {
    const series = syntheticSeries({ m: 1000, count: 2000 });
    const started = performance.now();
    const option = neuronsChartOption(series, paperConfig({ network: { m: 1000 } }));
    const built = performance.now() - started;
    const lines = seriesOf(option).filter((s) => s.name === 'neuron positions u_j');
    expect(lines).toHaveLength(1);
    // One flat [x, y, x, y, ...] array; a (NaN, NaN) point ends each neuron's line.
    const flat = lines[0].data as unknown as Float64Array;
    const ends: number[] = [];
    for (let k = 0; k < flat.length; k += 2) if (Number.isNaN(flat[k + 1])) ends.push(k / 2);
    expect(ends).toHaveLength(1000);
    const lengths = ends.map((end, n) => end - (n === 0 ? 0 : ends[n - 1] + 1));
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MANY_LINES_POINTS);
    expect(Math.min(...lengths)).toBeGreaterThan(MANY_LINES_POINTS / 2);
    // Neuron 7's line starts at its first checkpoint and ends at its last.
    const start = 2 * (ends[6] + 1);
    expect([flat[start], flat[start + 1]]).toEqual([series.tau[0], series.u[7]]);
    const last = 2 * (ends[7] - 1);
    expect([flat[last], flat[last + 1]]).toEqual([series.tau[1999], series.u[1999 * 1000 + 7]]);
    expect(option.animation).toBe(false);
    const renderStarted = performance.now();
    renderSvg(option);
    console.info(`1000 neurons x 2000 checkpoints: option ${built.toFixed(0)} ms, SVG render ${(performance.now() - renderStarted).toFixed(0)} ms`);
  });
});

describe('weightsChartOption', () => {
  it('draws a_1..a_m as weights and the bias a_0 apart', () => {
    const series = syntheticSeries({ m: 4, count: 10 });
    const option = weightsChartOption(series, paperConfig());
    const lines = seriesOf(option);
    expect(lines.filter((s) => s.name === 'weights a_j').map((s) => s.id)).toEqual(['a_1', 'a_2', 'a_3', 'a_4']);
    const bias = lines.find((s) => s.name === 'bias a_0')!;
    expect((bias.data as number[][])[3]).toEqual([series.tau[3], series.a[3 * 5]]);
    expect(renderSvg(option)).toContain('Outer weights');
  });
});

describe('fitChartOption', () => {
  const config = paperConfig();

  it('samples f on a grid holding every breakpoint and matches evalNetwork there', () => {
    const series = syntheticSeries({ m: 20, count: 12 });
    const option = fitChartOption(series, config, 7);
    const [target, learned, neurons] = seriesOf(option);
    const { a, u } = checkpointAt(series, 7);
    const grid = fitGrid(u, config.network.eta, PAPER_TARGET.positions);
    expect(grid.length).toBeGreaterThan(600);
    for (const x of [...PAPER_TARGET.positions, u[3], u[3] + config.network.eta / 2]) expect(grid).toContain(x);
    const points = learned.data as number[][];
    expect(points).toHaveLength(grid.length);
    for (const [x, y] of points) expect(y).toBe(evalNetwork(a, u, config.network.eta, x));
    expect(target.data).toEqual(targetPoints(PAPER_TARGET));
    expect(neurons.data).toHaveLength(20);
    expect(renderSvg(option)).toContain('checkpoint 8/12');
  });

  it('draws f* as a step line of levels 1, 5, 1, 3, 1, 5', () => {
    const points = targetPoints(PAPER_TARGET);
    expect(points).toEqual([[0, 1], [0.2, 1], [0.2, 5], [0.35, 5], [0.35, 1], [0.5, 1], [0.5, 3], [0.65, 3], [0.65, 1], [0.8, 1], [0.8, 5], [1, 5]]);
  });

  it('clamps the checkpoint index and explains an empty run', () => {
    const series = syntheticSeries({ m: 3, count: 4 });
    expect(fitChartOption(series, config, 99).title).toMatchObject({ subtext: expect.stringContaining('checkpoint 4/4') });
    const empty = syntheticSeries({ m: 3, count: 0 });
    expect(fitChartOption(empty, config, 0).title).toMatchObject({ subtext: 'no checkpoint yet' });
  });
});
