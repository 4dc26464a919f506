import { describe, expect, it } from 'vitest';
import { neuronsChartOption, weightsChartOption } from '#shared/charts/parameters';
import { MANY_LINES_POINTS } from '#shared/charts/trajectories';
import type { ChartOption } from '#shared/charts/frame';
import { PAPER_TARGET } from '#shared/config/schema';
import { renderSvg } from './echarts';
import { flatSeriesPoints, paperConfig, syntheticSeries } from './series';

type Loose = Record<string, unknown> & {
  data?: unknown[];
  markLine?: { data: Array<{ name: string; yAxis: number }> };
};
const seriesOf = (option: ChartOption) => option.series as Loose[];
const axis = (option: ChartOption, which: 'xAxis' | 'yAxis') => option[which] as { type: string; name: string };

describe('neuronsChartOption', () => {
  it('draws one thin line per neuron and the jumps as labelled horizontal lines', () => {
    const series = syntheticSeries({ m: 5, count: 30 });
    const option = neuronsChartOption(series, paperConfig());
    const lines = seriesOf(option);
    expect(lines.filter((s) => s.name === 'neuron positions u_j').map((s) => s.id)).toEqual([
      'u_1',
      'u_2',
      'u_3',
      'u_4',
      'u_5',
    ]);
    const second = flatSeriesPoints(lines[1].data);
    expect(second).toHaveLength(30);
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
    // One flat [x, y, x, y, ...] array; a (NaN, NaN) point between two neurons' lines breaks it.
    const points = flatSeriesPoints(lines[0].data);
    const gaps = points.flatMap(([, y], k) => (Number.isNaN(y) ? [k] : []));
    expect(gaps).toHaveLength(999);
    const starts = [0, ...gaps.map((gap) => gap + 1)];
    const ends = [...gaps, points.length];
    const lengths = starts.map((start, n) => ends[n] - start);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(MANY_LINES_POINTS);
    expect(Math.min(...lengths)).toBeGreaterThan(MANY_LINES_POINTS / 2);
    // Neuron 7's line (u_8) starts at its first checkpoint and ends at its last, and holds its bucket extremes.
    const line = points.slice(starts[7], ends[7]);
    expect(line[0]).toEqual([series.tau[0], series.u[7]]);
    expect(line.at(-1)).toEqual([series.tau[1999], series.u[1999 * 1000 + 7]]);
    const column = Array.from({ length: 2000 }, (_, i) => series.u[i * 1000 + 7]);
    expect(Math.max(...line.map(([, y]) => y))).toBe(Math.max(...column));
    expect(Math.min(...line.map(([, y]) => y))).toBe(Math.min(...column));
    expect(option.animation).toBe(false);
    const renderStarted = performance.now();
    renderSvg(option);
    console.info(
      `1000 neurons x 2000 checkpoints: option ${built.toFixed(0)} ms, SVG render ${(performance.now() - renderStarted).toFixed(0)} ms`,
    );
  });
});

describe('weightsChartOption', () => {
  it('draws a_1..a_m as weights and the bias a_0 apart', () => {
    const series = syntheticSeries({ m: 4, count: 10 });
    const option = weightsChartOption(series, paperConfig());
    const lines = seriesOf(option);
    expect(lines.filter((s) => s.name === 'weights a_j').map((s) => s.id)).toEqual(['a_1', 'a_2', 'a_3', 'a_4']);
    const bias = lines.find((s) => s.name === 'bias a_0')!;
    expect(flatSeriesPoints(bias.data)[3]).toEqual([series.tau[3], series.a[3 * 5]]);
    expect(renderSvg(option)).toContain('Outer weights');
  });
});
