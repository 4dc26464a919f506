/** Honest sweep charts: the n behind every box, each run as a point over its box when there are few. */
import { describe, expect, it } from 'vitest';
import { boxStats, sortedFinite } from '#shared/analysis/stats';
import { groupOffset } from '#shared/charts/groupedPoints';
import { POINTS_BELOW, sweepBoxOption, type SweepBox } from '#shared/charts/sweep';

type Loose = Record<string, unknown>;
const box = (values: number[]): SweepBox => ({ ...boxStats(values), values: sortedFinite(values) });
const input = (lines: Array<Array<SweepBox | null>>) => ({
  xName: 'sgd.epsilon',
  xLevels: ['0.01', '0.1'],
  lines: lines.map((values, i) => ({ name: `m=${10 * (i + 1)}`, values })),
});

describe('the final-loss box plot', () => {
  it('names the number of runs under each level, per line when they differ', () => {
    const option = sweepBoxOption(
      input([
        [box([1, 2, 3]), box([1, 2])],
        [box([4, 5, 6]), box([7])],
      ]),
    );
    const [levels] = option.xAxis as Array<{ data: string[] }>;
    expect(levels.data).toEqual(['0.01\nn = 3', '0.1\nn = 2 / 1']);
  });

  it('draws each run as a point on its own box below POINTS_BELOW runs', () => {
    const option = sweepBoxOption(
      input([
        [box([1, 2, 3]), null],
        [box([4, 5, 6]), box([7])],
      ]),
    );
    const series = option.series as Loose[];
    expect(series.map((s) => s.type)).toEqual(['boxplot', 'boxplot', 'scatter', 'scatter']);
    const second = series[3].data as number[][];
    expect(second.map((point) => point[1])).toEqual([4, 5, 6, 7]);
    // The points of line 2 of 2 sit around its box's centre, within 0.03 of a category.
    for (const [x] of second) expect(Math.abs(x - Math.round(x) - groupOffset(1, 2))).toBeLessThanOrEqual(0.03 + 1e-12);
  });

  it('draws boxes alone from POINTS_BELOW runs on', () => {
    const many = Array.from({ length: POINTS_BELOW }, (_, i) => i + 1);
    const series = sweepBoxOption(input([[box(many), box(many)]])).series as Loose[];
    expect(series.map((s) => s.type)).toEqual(['boxplot']);
  });
});
