import { describe, expect, it } from 'vitest';
import { boxStats } from '#shared/analysis/stats';
import { comparisonLossOption, needsLogTime } from '#shared/charts/comparison';
import { convergenceOption, factorTitle, levelText, phaseHeatmapOption, sweepBoxOption } from '#shared/charts/sweep';
import { renderChartSvg } from '../../src-main/report/render';
import { paperConfig, syntheticSeries } from '../charts/series';

type Loose = { name?: string; type?: string; data: unknown[]; markLine?: { data: Array<Array<{ coord: number[] }>> } };

describe('comparisonLossOption', () => {
  const series = syntheticSeries({ m: 5, count: 50 });
  const longer = { ...series, tau: series.tau.map((tau) => tau * 100) };
  const runs = [
    { label: 'epsilon=2e-5', series, config: paperConfig() },
    { label: 'epsilon=1', series: longer, config: paperConfig({ network: { eta: 0.01 } }) },
  ];

  it('overlays one named curve per run with each distinct floor, on a log time axis when durations differ widely', () => {
    const option = comparisonLossOption(runs);
    const lines = option.series as Loose[];
    expect(lines.map((line) => line.name)).toEqual(['epsilon=2e-5', 'epsilon=1']);
    // Floors eta * 56 / 28 for eta = 4e-3 and 1e-2.
    // One segment per distinct floor, across the plotted times.
    expect(lines[0].markLine!.data.map(([start, end]) => [start.coord[1], end.coord[1]])).toEqual([
      [0.008, 0.008],
      [0.02, 0.02],
    ]);
    expect(needsLogTime(runs)).toBe(true);
    expect((option.xAxis as { type: string }).type).toBe('log');
    expect((comparisonLossOption([runs[0], { ...runs[0], label: 'again' }]).xAxis as { type: string }).type).toBe(
      'value',
    );
    expect(renderChartSvg(option, { width: 800, height: 400 })).toContain('epsilon=1');
  });
});

describe('sweep charts', () => {
  const input = <T>(values: Array<T | null>) => ({
    xName: 'sgd.epsilon',
    xLevels: ['0.00002', '0.1'],
    lines: [{ name: 'all runs', values }],
  });

  it('draws boxes of final loss on a log axis, a level without runs left empty', () => {
    const option = sweepBoxOption(input([boxStats([0.01, 0.02, 0.03]), null]));
    const [boxes] = option.series as Loose[];
    expect(boxes.type).toBe('boxplot');
    expect(boxes.data).toEqual([[0.01, 0.015, 0.02, 0.025, 0.03], []]);
    expect((option.yAxis as { type: string }).type).toBe('log');
    expect(renderChartSvg(option, { width: 600, height: 400 })).toContain('2e-5');
  });

  it('draws P(converged) as points labelled converged / finished runs, with Wilson 95 % intervals', () => {
    const option = convergenceOption(
      input([
        { converged: 3, decided: 4 },
        { converged: 0, decided: 0 },
      ]),
    );
    const [interval, points] = option.series as Loose[];
    // Wilson 3/4: [0.30064, 0.95442] (test/figures/intervals.test.ts), drawn as a whisker from low to high.
    const [low, , estimate, , high] = (interval.data as number[][])[0];
    expect([low, estimate, high].map((value) => +value.toFixed(4))).toEqual([0.3006, 0.75, 0.9544]);
    expect((interval.data as number[][])[1]).toEqual([]);
    expect(points.data).toEqual([
      {
        value: [0, 0.75],
        label: { formatter: '3/4' },
        tooltip: { formatter: 'all runs: 3/4 converged, Wilson 95 % 0.3–0.95' },
      },
    ]);
    const svg = renderChartSvg(option, { width: 600, height: 400 });
    expect(svg).toContain('>3/4<');
    expect(svg).toContain('n = 4');
  });

  it('draws the phase heat map of two axes with white labels on dark cells', () => {
    const option = phaseHeatmapOption({
      title: 'Phase diagram',
      xName: 'sgd.epsilon',
      yName: 'network.m',
      xLevels: ['0.1', '1'],
      yLevels: ['10', '20'],
      cells: [
        { x: '0.1', y: '10', converged: 2, decided: 2 },
        { x: '1', y: '20', converged: 0, decided: 2 },
        { x: '1', y: '10', converged: 0, decided: 0 },
      ],
    });
    const [cells] = option.series as Array<{ data: Array<{ value: number[]; label: { color: string } }> }>;
    expect(cells.data.map((cell) => cell.value)).toEqual([
      [0, 0, 1],
      [1, 1, 0],
    ]);
    expect(cells.data.map((cell) => cell.label.color)).toEqual(['#ffffff', '#1f2329']);
    expect(renderChartSvg(option, { width: 600, height: 400 })).toContain('>2/2<');
  });

  it('names axes with the paper symbols and shows levels compactly', () => {
    expect(factorTitle('sgd.epsilon')).toBe('ε = inner / outer stepsize (sgd.epsilon)');
    expect(factorTitle('custom.path')).toBe('custom.path');
    expect(levelText('0.00002')).toBe('2e-5');
    expect(levelText('two-timescale')).toBe('two-timescale');
  });
});
