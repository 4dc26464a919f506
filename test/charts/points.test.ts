import { describe, expect, it } from 'vitest';
import { decimateColumns } from '#shared/charts/decimate';
import { flatPoints } from '#shared/charts/points';
import { FEW_LINES_POINTS, trajectorySeries } from '#shared/charts/trajectories';
import { flatSeriesPoints, syntheticSeries } from './series';

describe('flatPoints', () => {
  const time = Float64Array.from([0, 0.5, 1, 2]);
  // Two columns of a 2-wide block: column 0 is 10, 11, 12, 13 and column 1 is 20, 21, 22, 23.
  const kept = decimateColumns(
    { values: Float64Array.from([10, 20, 11, 21, 12, 22, 13, 23]), count: 4, columns: 2, stride: 2 },
    100,
  );

  it('writes x, y pairs with a (NaN, NaN) point between two columns', () => {
    expect(flatSeriesPoints(flatPoints(time, kept))).toEqual([
      [0, 10],
      [0.5, 11],
      [1, 12],
      [2, 13],
      [NaN, NaN],
      [0, 20],
      [0.5, 21],
      [1, 22],
      [2, 23],
    ]);
    expect(flatSeriesPoints(flatPoints(time, kept.slice(1)))).toEqual([
      [0, 20],
      [0.5, 21],
      [1, 22],
      [2, 23],
    ]);
    expect(flatPoints(time, [])).toHaveLength(0);
  });

  it('leaves out time 0 on a log axis', () => {
    expect(flatSeriesPoints(flatPoints(time, kept, true))).toEqual([
      [0.5, 11],
      [1, 12],
      [2, 13],
      [NaN, NaN],
      [0.5, 21],
      [1, 22],
      [2, 23],
    ]);
  });
});

describe('trajectorySeries', () => {
  const label = (j: number) => `u_${j + 1}`;

  it('draws few long lines as one series each, cut to at most FEW_LINES_POINTS keeping each extreme, first and last', () => {
    const series = syntheticSeries({ m: 3, count: 5000 });
    // A jump of neuron 2 (index 1) at checkpoint 2501 must survive the cut.
    for (let i = 2501; i < 5000; i++) series.u[i * 3 + 1] += 0.5;
    const lines = trajectorySeries(series, series.tau, series.u, 3, { name: 'u', label });
    expect(lines.map((line) => line.id)).toEqual(['u_1', 'u_2', 'u_3']);
    lines.forEach((line, j) => {
      const points = flatSeriesPoints(line.data);
      const column = Array.from({ length: 5000 }, (_, i) => series.u[i * 3 + j]);
      expect(points.length).toBeLessThanOrEqual(FEW_LINES_POINTS);
      expect(points.length).toBeGreaterThan(0.9 * FEW_LINES_POINTS);
      expect(points[0]).toEqual([series.tau[0], column[0]]);
      expect(points.at(-1)).toEqual([series.tau[4999], column[4999]]);
      expect(Math.max(...points.map(([, y]) => y))).toBe(Math.max(...column));
      expect(Math.min(...points.map(([, y]) => y))).toBe(Math.min(...column));
    });
    // Around the jump the kept points are no more than two buckets apart.
    const jump = flatSeriesPoints(lines[1].data).findIndex(([x]) => x >= series.tau[2501]);
    const [before, after] = flatSeriesPoints(lines[1].data).slice(jump - 1, jump + 1);
    expect(after[1] - before[1]).toBeGreaterThan(0.45);
    expect((after[0] - before[0]) / (series.tau[1] - series.tau[0])).toBeLessThanOrEqual(
      (2 * 5000) / (FEW_LINES_POINTS / 2 - 1),
    );
  });

  it('leaves short lines whole and skips the entries before `first`', () => {
    const series = syntheticSeries({ m: 4, count: 30 });
    const lines = trajectorySeries(series, series.step, series.a, 5, { name: 'a', label, first: 1 });
    expect(lines.map((line) => line.id)).toEqual(['u_2', 'u_3', 'u_4', 'u_5']);
    expect(flatSeriesPoints(lines[2].data)).toEqual(
      Array.from({ length: 30 }, (_, i) => [series.step[i], series.a[i * 5 + 3]]),
    );
  });

  it('leaves out time 0 on a log time axis, in both the few-lines and the many-lines forms', () => {
    for (const m of [5, 300]) {
      const series = syntheticSeries({ m, count: 40 });
      const lines = trajectorySeries(series, series.tau, series.u, m, { name: 'u', label, logX: true });
      for (const line of lines)
        expect(flatSeriesPoints(line.data).every(([x, y]) => x > 0 || (Number.isNaN(x) && Number.isNaN(y)))).toBe(true);
      expect(lines.reduce((n, line) => n + flatSeriesPoints(line.data).filter(([x]) => x > 0).length, 0)).toBe(39 * m);
    }
  });
});
