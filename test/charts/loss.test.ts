import { describe, expect, it } from 'vitest';
import type { ChartOption } from '#shared/charts/frame';
import { formatNumber } from '#shared/base/format';
import { LOG_FLOOR, lossChartOption } from '#shared/charts/loss';
import { readBack, type ItemParams } from './echarts';
import { flatSeriesPoints, paperConfig, syntheticSeries } from './series';

type Loose = Record<string, unknown> & { name: string; data: unknown; markLine?: { data: unknown[] } };
const seriesOf = (option: ChartOption) => option.series as Loose[];
const axis = (option: ChartOption, which: 'xAxis' | 'yAxis') => option[which] as { type: string; name: string };
/** Rows (x, loss as drawn, true loss) of a loss curve. */
const rows = (line: Loose) => flatSeriesPoints(line.data, 3);
const tooltipOf = (option: ChartOption) =>
  (option.tooltip as { formatter: (params: ItemParams[]) => string }).formatter;

describe('lossChartOption', () => {
  const config = paperConfig();

  it('draws the SGD loss and the limit on a log axis, with the floor eta sum(Delta^2) / 28 as a dashed line', () => {
    const series = syntheticSeries({ m: 20, count: 101, limitLoss: (i) => 0.3 * Math.exp(-i / 20) });
    const option = lossChartOption(series, config);
    const [sgd, limit] = seriesOf(option);
    expect(sgd.name).toBe('SGD loss L(a,u)');
    expect(limit.name).toBe('limit L0(u)');
    // Every checkpoint, as recorded: (tau_i, L_i, L_i) and (tau_i, L0_i, L0_i).
    expect(rows(sgd)).toEqual(Array.from(series.loss, (loss, i) => [series.tau[i], loss, loss]));
    expect(rows(limit)).toEqual(Array.from(series.limitLoss!, (loss, i) => [series.tau[i], loss, loss]));
    expect(axis(option, 'yAxis').type).toBe('log');
    expect(axis(option, 'xAxis').type).toBe('value');
    expect(axis(option, 'xAxis').name).toContain('slow time τ');
    // Paper target: jumps 4, -4, 2, -2, 4 give sum Delta^2 = 56; eta = 4e-3.
    // A segment from the first to the last plotted time at the floor (a bare yAxis snaps to a power of ten on log axes).
    const [start, end] = sgd.markLine!.data[0] as Array<{ name?: string; coord: number[] }>;
    expect(start.name).toBe('floor 0.008');
    expect(start.coord[1]).toBeCloseTo((4e-3 * 56) / 28, 15);
    expect(end.coord[1]).toBe(start.coord[1]);
    expect([start.coord[0], end.coord[0]]).toEqual([series.tau[0], series.tau[100]]);
    // ECharts reads the rows back as drawn, and the tooltip shows tau and both losses.
    const { params, svg } = readBack(option);
    expect(params[0].map((p) => p.value)).toEqual(rows(sgd));
    expect(tooltipOf(option)([params[0][40], params[1][40]])).toBe(
      [
        `τ = ${formatNumber(series.tau[40])}`,
        `SGD loss L(a,u): <b>${formatNumber(series.loss[40])}</b>`,
        `limit L0(u): <b>${formatNumber(series.limitLoss![40])}</b>`,
      ].join('<br/>'),
    );
    expect(svg).toContain('Loss');
  });

  it('clips a limit loss of exactly 0 to the log floor, says so, and keeps the true value for the tooltip', () => {
    const series = syntheticSeries({ m: 20, count: 50, limitLoss: (i) => (i < 30 ? 0.1 / (i + 1) : 0) });
    const option = lossChartOption(series, config);
    const [, limit] = seriesOf(option);
    expect(limit.name).toMatch(/below 1e-6 drawn at 1e-6/);
    expect(rows(limit).at(-1)).toEqual([series.tau[49], LOG_FLOOR, 0]);
    const { params } = readBack(option);
    expect(params[1][49].value).toEqual([series.tau[49], LOG_FLOOR, 0]);
    expect(tooltipOf(option)([params[1][49]])).toBe(
      `τ = ${formatNumber(series.tau[49])}<br/>limit L0(u) (below 1e-6 drawn at 1e-6): <b>0</b>`,
    );
    const [, linear] = seriesOf(lossChartOption(series, config, { logY: false }));
    expect(linear.name).toBe('limit L0(u)');
    expect(rows(linear).at(-1)).toEqual([series.tau[49], 0, 0]);
  });

  it('uses steps or a log time axis on request, leaving out time 0 there', () => {
    const series = syntheticSeries({ m: 3, count: 20 });
    const option = lossChartOption(series, config, { x: 'step', logX: true });
    expect(axis(option, 'xAxis').type).toBe('log');
    expect(axis(option, 'xAxis').name).toContain('step');
    const data = rows(seriesOf(option)[0]);
    expect(data).toHaveLength(19);
    expect(data[0]).toEqual([1000, series.loss[1], series.loss[1]]);
    const [start] = seriesOf(option)[0].markLine!.data[0] as Array<{ coord: number[] }>;
    expect(start.coord[0]).toBe(1000);
  });

  it('decimates long runs for display, keeping first, last and extreme checkpoints, and leaves the series untouched', () => {
    const series = syntheticSeries({ m: 2, count: 5000 });
    const option = lossChartOption(series, config);
    const data = rows(seriesOf(option)[0]);
    expect(data.length).toBeLessThanOrEqual(1500);
    // Each drawn point is a checkpoint (tau_i, L_i).
    for (const [x, y, loss] of data) {
      const i = Math.round(x / 1e-3);
      expect([x, y, loss]).toEqual([series.tau[i], series.loss[i], series.loss[i]]);
    }
    expect(data[0][0]).toBe(series.tau[0]);
    expect(data.at(-1)![0]).toBe(series.tau[4999]);
    expect(Math.min(...data.map(([, y]) => y))).toBe(Math.min(...series.loss));
    expect(series.loss).toHaveLength(5000);
    expect(option.animation).toBe(true);
  });
});
