import { describe, expect, it } from 'vitest';
import { fitChartOption, targetPoints } from '#shared/charts/fit';
import { FIT_SAMPLES, fitGrid, networkOnGrid } from '#shared/charts/fitCurve';
import type { ChartOption } from '#shared/charts/frame';
import { formatNumber } from '#shared/base/format';
import { PAPER_TARGET } from '#shared/config/schema';
import { evalNetwork } from '#shared/math/network';
import { checkpointAt, packCheckpoints } from '#shared/run/series';
import { readBack, type ItemParams } from './echarts';
import { flatSeriesPoints, paperConfig, syntheticSeries } from './series';

type Loose = Record<string, unknown> & { data?: unknown; tooltip?: { formatter: (params: ItemParams) => string } };
const seriesOf = (option: ChartOption) => option.series as Loose[];
const eta = paperConfig().network.eta;

/**
 * One checkpoint of m neurons bunched at the paper's jumps (as training leaves them): groups sharing one u exactly, some
 * on a jump, some on an even sample, some outside [0, 1], the rest spread within a few eta of a jump.
 */
function bunched(m: number) {
  const jumps = PAPER_TARGET.positions;
  const u = Float64Array.from({ length: m }, (_, j) => {
    if (j % 50 === 0) return jumps[j % jumps.length];
    if (j % 50 === 1) return 0.25;
    if (j % 97 === 0) return j % 2 ? -0.01 : 1.002;
    if (j % 7 === 0) return jumps[(j >> 3) % jumps.length] + 0.3 * eta;
    return jumps[j % jumps.length] + 3 * eta * Math.sin(j * 1.7);
  });
  const a = Float64Array.from({ length: m + 1 }, (_, j) => Math.cos(3 * j) * (j % 5 === 0 ? 4 : 1));
  return packCheckpoints('bunched', [{ step: 0, tau: 0, loss: 0.1, limitLoss: null, covered: 5, a, u }]);
}

/** The smallest distance from x to a point of the sorted grid. */
function distanceToGrid(grid: Float64Array, x: number): number {
  let best = Infinity;
  for (const g of grid) best = Math.min(best, Math.abs(g - x));
  return best;
}

describe('networkOnGrid', () => {
  it('equals evalNetwork term by term at every x, neurons bunched, coincident, on grid points and outside [0, 1]', () => {
    for (const m of [1, 20, 1000]) {
      const { a, u } = checkpointAt(bunched(m), 0);
      // The even samples, every breakpoint exactly, and x a hair either side of each.
      const xs = new Set<number>(Array.from({ length: 1001 }, (_, i) => i / 1000));
      for (const center of u)
        for (const x of [center - eta / 2, center, center + eta / 2]) for (const d of [0, 1e-12, -1e-12]) xs.add(x + d);
      const grid = Float64Array.from([...xs].sort((p, q) => p - q));
      const f = networkOnGrid(a, u, eta, grid);
      grid.forEach((x, i) => expect(Math.abs(f[i] - evalNetwork(a, u, eta, x))).toBeLessThan(1e-12));
    }
  });
});

describe('fitGrid', () => {
  it('keeps every even sample, every jump and every bend of a few neurons exactly', () => {
    const { u } = checkpointAt(syntheticSeries({ m: 20, count: 1 }), 0);
    const grid = fitGrid(u, eta, PAPER_TARGET.positions);
    for (let i = 0; i <= FIT_SAMPLES; i++) expect(grid).toContain(i / FIT_SAMPLES);
    for (const x of PAPER_TARGET.positions) expect(grid).toContain(x);
    for (const center of u) for (const x of [center - eta / 2, center, center + eta / 2]) expect(grid).toContain(x);
    for (let i = 1; i < grid.length; i++) expect(grid[i]).toBeGreaterThan(grid[i - 1]);
  });

  it('thins the bends of neurons bunched at a jump to a tenth of a sample step, none farther from the grid', () => {
    const { u } = checkpointAt(bunched(1000), 0);
    const grid = fitGrid(u, eta, PAPER_TARGET.positions);
    for (let i = 0; i <= FIT_SAMPLES; i++) expect(grid).toContain(i / FIT_SAMPLES);
    for (const x of PAPER_TARGET.positions) expect(grid).toContain(x);
    const breakpoints = Array.from(u)
      .flatMap((center) => [center - eta / 2, center, center + eta / 2])
      .filter((x) => x > 0 && x < 1);
    for (const x of breakpoints) expect(distanceToGrid(grid, x)).toBeLessThan(0.1 / FIT_SAMPLES);
    // 3,000 bends fall in five bands of a few eta: a few hundred points there, not thousands.
    expect(grid.length).toBeLessThan(FIT_SAMPLES + 1 + 5 * (12 * eta) * 10 * FIT_SAMPLES);
    expect(grid[0]).toBe(0);
    expect(grid.at(-1)).toBe(1);
  });
});

describe('fitChartOption', () => {
  const config = paperConfig();

  it('draws f on the grid as evalNetwork gives it, f* with every jump, and each neuron (u_j, a_j) with its tooltip', () => {
    const series = syntheticSeries({ m: 20, count: 12 });
    const option = fitChartOption(series, config, 7);
    const [target, learned, neurons] = seriesOf(option);
    const { a, u } = checkpointAt(series, 7);
    const points = flatSeriesPoints(learned.data);
    expect(points.map(([x]) => x)).toEqual(Array.from(fitGrid(u, eta, PAPER_TARGET.positions)));
    for (const [x, y] of points) expect(Math.abs(y - evalNetwork(a, u, eta, x))).toBeLessThan(1e-12);
    expect(target.data).toEqual(targetPoints(PAPER_TARGET));
    const { params, svg } = readBack(option);
    // ECharts reads the flat rows back as the points drawn.
    expect(params[1].map((p) => p.value.slice(0, 2))).toEqual(points);
    const lowest = Math.min(...points.map(([, y]) => y), ...targetPoints(PAPER_TARGET).map(([, y]) => y));
    expect(params[2]).toHaveLength(20);
    params[2].forEach((p, j) => {
      expect(p.value[0]).toBe(u[j]);
      expect(p.value[1]).toBeLessThan(lowest);
      expect(neurons.tooltip!.formatter(p)).toBe(
        `u_${j + 1} = ${formatNumber(u[j])}, a_${j + 1} = ${formatNumber(a[j + 1])}`,
      );
    });
    expect(neurons.large).toBe(true);
    expect(svg).toContain('checkpoint 8/12');
    // Twenty markers stay separate elements (large mode starts above its threshold): one triangle path each.
    expect(svg.match(/<path d="M\S+ \S+L\S+ \S+L\S+ \S+Z"/g)?.length ?? 0).toBeGreaterThanOrEqual(20);
  });

  it('draws 1,000 bunched neurons: curve exact at every drawn x, every jump kept, every neuron in one marker path', () => {
    const series = bunched(1000);
    const option = fitChartOption(series, paperConfig({ network: { m: 1000 } }), 0);
    const [target, learned] = seriesOf(option);
    const { a, u } = checkpointAt(series, 0);
    const points = flatSeriesPoints(learned.data);
    for (const [x, y] of points) expect(Math.abs(y - evalNetwork(a, u, eta, x))).toBeLessThan(1e-12);
    for (const v of PAPER_TARGET.positions) {
      expect(points.some(([x]) => x === v)).toBe(true);
      expect((target.data as number[][]).filter(([x]) => x === v)).toHaveLength(2);
    }
    const { params, svg } = readBack(option);
    expect(params[2]).toHaveLength(1000);
    const tooltip = seriesOf(option)[2].tooltip!.formatter;
    params[2].forEach((p, j) => {
      expect([p.value[0], p.value[2]]).toEqual([u[j], a[j + 1]]);
      expect(tooltip(p)).toBe(`u_${j + 1} = ${formatNumber(u[j])}, a_${j + 1} = ${formatNumber(a[j + 1])}`);
    });
    expect(svg).toContain('Learned function');
  });

  it('draws f* as a step line of levels 1, 5, 1, 3, 1, 5', () => {
    const points = targetPoints(PAPER_TARGET);
    expect(points).toEqual([
      [0, 1],
      [0.2, 1],
      [0.2, 5],
      [0.35, 5],
      [0.35, 1],
      [0.5, 1],
      [0.5, 3],
      [0.65, 3],
      [0.65, 1],
      [0.8, 1],
      [0.8, 5],
      [1, 5],
    ]);
  });

  it('clamps the checkpoint index and explains an empty run', () => {
    const series = syntheticSeries({ m: 3, count: 4 });
    expect(fitChartOption(series, config, 99).title).toMatchObject({
      subtext: expect.stringContaining('checkpoint 4/4'),
    });
    const empty = syntheticSeries({ m: 3, count: 0 });
    expect(fitChartOption(empty, config, 0).title).toMatchObject({ subtext: 'no checkpoint yet' });
  });
});
