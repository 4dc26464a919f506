import { describe, expect, it } from 'vitest';
import { quantileBand } from '#shared/analysis/groups';
import type { ChartOption } from '#shared/charts/frame';
import { compareLossOption, curveName, smallMultiple } from '#shared/charts/historyCompare';
import { medianLossHeatmapOption, validInitOption } from '#shared/charts/historyPhase';
import { clockValues, onClock, withClockAxis } from '#shared/charts/historyTime';
import { LOG_FLOOR } from '#shared/charts/loss';
import { neuronsChartOption } from '#shared/charts/parameters';
import { renderSvg } from './echarts';
import { flatSeriesPoints, paperConfig, syntheticSeries } from './series';

type Loose = {
  id?: string;
  name?: string;
  stack?: string;
  data: number[][];
  areaStyle?: unknown;
  markLine?: { data: Array<Array<{ coord: number[] }>> };
};
const seriesOf = (option: ChartOption) => option.series as Loose[];

const curve = (values: number[]) => ({
  time: Float64Array.from(values, (_, i) => i),
  values: Float64Array.from(values),
  count: values.length,
});

describe('clocks', () => {
  it('gives fast time t = k h for SGD, equal to tau / epsilon', () => {
    const config = paperConfig();
    const series = syntheticSeries({ m: 3, count: 5 });
    // Make tau consistent with the config: tau = k h epsilon.
    series.tau = series.step.map((k) => k * config.sgd.h * config.sgd.epsilon);
    const t = clockValues(series, config, 't');
    series.step.forEach((k, i) => expect(t[i]).toBeCloseTo(k * config.sgd.h, 12));
    expect(clockValues(series, config, 'step')).toBe(series.step);
    const option = withClockAxis(neuronsChartOption(onClock(series, config, 't'), config), 't');
    expect((option.xAxis as { name: string }).name).toBe('fast time t = k·h');
    expect(flatSeriesPoints(seriesOf(option)[0].data)[4][0]).toBeCloseTo(4000 * config.sgd.h, 12);
  });
});

describe('compareLossOption', () => {
  it('draws a lone run as one line and a seed group as its median with a stacked 10-90% band', () => {
    const alone = { label: 'sgd.epsilon=0.1', seeds: 1, band: quantileBand([curve([0.5, 0.2, 0.1])]) };
    const group = {
      label: 'sgd.epsilon=0.2',
      seeds: 3,
      band: quantileBand([curve([0.4, 0.2, 1e-9]), curve([0.5, 0.3, 1e-9]), curve([0.6, 0.4, 0.1])]),
    };
    const option = compareLossOption([alone, group], { floors: [0.008] });
    const [line, median, low, high] = seriesOf(option);
    expect(seriesOf(option)).toHaveLength(4);
    expect(line.data.map((p) => p[1])).toEqual([0.5, 0.2, 0.1]);
    expect(median.name).toBe('sgd.epsilon=0.2 (median of 3 seeds)');
    expect(curveName(group)).toBe(median.name);
    expect(median.data.map((p) => p[1])).toEqual([0.5, 0.3, LOG_FLOOR]);
    // The band: the lower edge, then upper minus lower stacked on it (values below LOG_FLOOR drawn at it).
    expect(low.stack).toBe(high.stack);
    expect(high.areaStyle).toBeDefined();
    expect(low.data[0][1]).toBeCloseTo(0.42, 12);
    expect(low.data[0][1] + high.data[0][1]).toBeCloseTo(0.58, 12);
    // Last checkpoint: 1e-9, 1e-9, 0.1; the low edge and the median fall below the log floor, the 90% point at 0.08.
    expect(low.data[2][1]).toBe(LOG_FLOOR);
    expect(low.data[2][1] + high.data[2][1]).toBeCloseTo(1e-9 + 0.8 * (0.1 - 1e-9), 12);
    // A segment at the floor across the plotted times.
    expect(line.markLine!.data[0].map((end) => end.coord[1])).toEqual([0.008, 0.008]);
    expect(option.legend).toMatchObject({ data: ['sgd.epsilon=0.1', 'sgd.epsilon=0.2 (median of 3 seeds)'] });
    expect(renderSvg(option)).toContain('median of 3 seeds');
  });

  it('leaves out time 0 on a log time axis', () => {
    const option = compareLossOption([{ label: 'a', seeds: 1, band: quantileBand([curve([1, 0.5, 0.25])]) }], {
      logX: true,
      clock: 'step',
    });
    expect(seriesOf(option)[0].data.map((p) => p[0])).toEqual([1, 2]);
    expect((option.xAxis as { type: string; name: string }).name).toBe('trainer step k');
  });

  it('shrinks a run chart to a small multiple titled by the run', () => {
    const option = smallMultiple(
      neuronsChartOption(syntheticSeries({ m: 4, count: 20 }), paperConfig()),
      'seed=3',
      'final L = 0.01',
    );
    expect(option.title).toMatchObject({ text: 'seed=3', subtext: 'final L = 0.01' });
    expect(option.legend).toEqual({ show: false });
    expect(renderSvg(option)).toContain('seed=3');
  });
});

describe('sweep charts of the dashboard', () => {
  it('colours the median-loss phase map by log10 of the median and labels each cell', () => {
    const cells = [
      { x: '0.1', y: '10', converged: 1, decided: 2, medianLoss: 0.01 },
      { x: '0.2', y: '10', converged: 0, decided: 2, medianLoss: 1 },
      { x: '0.1', y: '20', converged: 0, decided: 0, medianLoss: NaN },
      { x: '0.2', y: '20', converged: 2, decided: 2, medianLoss: 0 },
    ];
    const option = medianLossHeatmapOption({
      xName: 'sgd.epsilon',
      yName: 'network.m',
      xLevels: ['0.1', '0.2'],
      yLevels: ['10', '20'],
      cells,
    });
    const [map] = option.series as Array<{ data: Array<{ value: number[]; label: { formatter: string } }> }>;
    // The limit's exact 0 is coloured as LOG_FLOOR = 1e-6 and labelled 0; the cell without a finished run stays blank.
    expect(map.data.map((cell) => cell.value)).toEqual([
      [0, 0, -2],
      [1, 0, 0],
      [1, 1, -6],
    ]);
    expect(map.data.map((cell) => cell.label.formatter)).toEqual(['0.01', '1', '0']);
    expect(option.visualMap).toMatchObject({ min: -6, max: 0 });
    expect(renderSvg(option)).toContain('Median final loss');
  });

  it('draws the share of valid initialisations with the counts behind each point', () => {
    const option = validInitOption({
      xName: 'network.m',
      xLevels: ['10', '20'],
      lines: [
        {
          name: 'all runs',
          values: [
            { converged: 1, decided: 4 },
            { converged: 4, decided: 4 },
          ],
        },
      ],
    });
    // Series: the Wilson interval of each line, then its points.
    const [, points] = option.series as Array<{ data: Array<{ value: number[]; label: { formatter: string } }> }>;
    expect(points.data.map((point) => [point.value[1], point.label.formatter])).toEqual([
      [0.25, '1/4'],
      [1, '4/4'],
    ]);
    expect((option.yAxis as { name: string }).name).toBe('share valid');
    expect(renderSvg(option)).toContain('Initialisations the limit is defined for');
  });
});
