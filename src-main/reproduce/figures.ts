/**
 * The paper's figures redrawn from the reproduction's runs: pure functions returning ECharts options (the shared chart
 * builders where they exist, retitled for print), rendered to PNG by the report writer.
 */
import type { BoxplotSeriesOption, ScatterSeriesOption } from 'echarts';
import type { CheckpointSeries } from '#shared/api/contract';
import { boxStats } from '#shared/analysis/stats';
import { fitChartOption } from '#shared/charts/fit';
import { formatNumber } from '#shared/base/format';
import type { ChartOption } from '#shared/charts/frame';
import { lossChartOption } from '#shared/charts/loss';
import { neuronsChartOption } from '#shared/charts/parameters';
import { sweepBoxOption } from '#shared/charts/sweep';
import { forPrint } from '../report/print';
import type { ExperimentRun, Figure } from './types';

/** The paper's references (its medians, the target lines) in one accent colour against the blue of the data. */
const ACCENT_COLOR = '#d1495b';
const NEURON_COLOR = '#2f6fb0';

/** A single run's loss against the limit, its neuron positions over time, and its final fit (Figs 3, 4 and 5). */
export function runFigures(prefix: string, title: string, run: ExperimentRun, series: CheckpointSeries): Figure[] {
  const { config } = run;
  return [
    {
      file: `${prefix}-loss.png`,
      caption: `${title}: loss L of SGD${series.limitLoss ? ' against the limit L0 (dashed; 0 drawn at 1e-6)' : ''}, log scale`,
      option: forPrint(lossChartOption(series, config), { title: `${title}: loss` }),
    },
    {
      file: `${prefix}-neurons.png`,
      caption: `${title}: neuron positions u_j over slow time, target jumps dashed`,
      option: forPrint(neuronsChartOption(series, config), { title: `${title}: neuron positions` }),
    },
    {
      file: `${prefix}-fit.png`,
      caption: `${title}: the final fit against the target, neurons marked below`,
      option: forPrint(fitChartOption(series, config, series.count - 1), { title: `${title}: final fit` }),
    },
  ];
}

/** One group of final losses in a box plot, with the paper's median beside it. */
export interface BoxGroup {
  label: string;
  losses: readonly number[];
  paperMedian: number;
}

/** Final losses per group as boxes on a log axis named `yName`, the paper's medians as diamonds. */
export function boxFigureOption(title: string, xName: string, yName: string, groups: readonly BoxGroup[]): ChartOption {
  const boxes = groups.map((group) => boxStats(group.losses));
  const base = sweepBoxOption({
    xName,
    xLevels: groups.map((group) => group.label),
    lines: [{ name: 'over seeds: quartiles, whiskers min-max', values: boxes }],
    subtitle: `${groups.map((group, i) => `${group.label}: ${boxes[i].n} runs, median ${formatNumber(boxes[i].median, 3)}`).join(' · ')}`,
  });
  const paper: ScatterSeriesOption = {
    type: 'scatter',
    name: 'median in the paper',
    symbol: 'diamond',
    symbolSize: 10,
    itemStyle: { color: ACCENT_COLOR, opacity: 0.8 },
    data: groups.map((group, i) => [i, group.paperMedian]),
  };
  const series = [...(base.series as BoxplotSeriesOption[]), paper];
  const yAxis = { ...(base.yAxis as object), name: yName };
  return forPrint(
    {
      ...base,
      yAxis,
      series,
      legend: { top: 54, left: 12, data: ['over seeds: quartiles, whiskers min-max', 'median in the paper'] },
    },
    { title },
  );
}

/** The final positions of one 2-D run, coordinate-major: u[k m + j] is unit j of coordinate k. */
export interface PlanePanel {
  label: string;
  u: Float64Array;
  m: number;
}

/** Neuron lines of coordinate k that fall inside [0, 1] (the others are counted in the subtitle). */
function insideUnit(u: Float64Array, m: number, k: number): number[] {
  return Array.from(u.subarray(k * m, (k + 1) * m)).filter((value) => value >= 0 && value <= 1);
}

/**
 * Fig 6: each panel is the unit square of a 2-D run; unit j of coordinate 1 is the vertical line x1 = u_j1, of
 * coordinate 2 the horizontal line x2 = u_j2, drawn over the dashed target lines x = .3, .5, .7 of each coordinate.
 */
export function planeFigureOption(
  title: string,
  subtitle: string,
  panels: readonly PlanePanel[],
  lines: readonly number[],
): ChartOption {
  const width = 100 / panels.length;
  const axis = (name: string, index: number) => ({
    type: 'value' as const,
    gridIndex: index,
    min: 0,
    max: 1,
    interval: 0.1,
    name,
    nameLocation: 'middle' as const,
    nameGap: 28,
    axisLabel: { formatter: (value: number) => formatNumber(value, 2) },
    splitLine: { show: false },
  });
  const series = panels.flatMap((panel, index) => {
    const vertical = insideUnit(panel.u, panel.m, 0);
    const horizontal = insideUnit(panel.u, panel.m, 1);
    // One set of full-height and full-width lines of a panel: x = xs and y = ys.
    const lineSet = (
      name: string,
      color: string,
      type: 'solid' | 'dashed',
      xs: readonly number[],
      ys: readonly number[],
    ) => ({
      xAxisIndex: index,
      yAxisIndex: index,
      type: 'line' as const,
      data: [],
      name,
      color,
      markLine: {
        silent: true,
        symbol: 'none',
        label: { show: false },
        lineStyle: { type, width: 2, color },
        data: [...xs.map((x) => ({ xAxis: x })), ...ys.map((y) => ({ yAxis: y }))],
      },
    });
    // Targets drawn over the neurons: a covered line shows its neuron through the gaps of its dashes.
    return [
      lineSet('neurons u_jk', NEURON_COLOR, 'solid', vertical, horizontal),
      { ...lineSet('target lines', ACCENT_COLOR, 'dashed', lines, lines), z: 5 },
    ];
  });
  return {
    animation: false,
    title: [
      { text: title, subtext: subtitle, left: 12, top: 6, textStyle: { fontSize: 15, fontWeight: 600 } },
      ...panels.map((panel, index) => {
        const outside = 2 * panel.m - insideUnit(panel.u, panel.m, 0).length - insideUnit(panel.u, panel.m, 1).length;
        return {
          text: panel.label,
          subtext: outside ? `${outside} neurons outside [0, 1] not drawn` : '',
          left: `${index * width + width / 2}%`,
          top: 78,
          textAlign: 'center' as const,
          textStyle: { fontSize: 14, fontWeight: 600 },
        };
      }),
    ],
    legend: { top: 52, right: 16, data: ['neurons u_jk', 'target lines'] },
    grid: panels.map((_, index) => ({ left: `${index * width + 6}%`, width: `${width - 10}%`, top: 128, bottom: 52 })),
    xAxis: panels.map((_, index) => axis('x1', index)),
    yAxis: panels.map((_, index) => ({ ...axis('x2', index), nameGap: 34 })),
    series,
  };
}
