/**
 * Sweep charts: the final loss by parameter value (box plot, log axis), the probability of convergence against the
 * parameter with the runs behind each point, and the phase heat map of convergence over two axes.
 */
import type { BoxplotSeriesOption } from 'echarts';
import type { BoxStats } from '../analysis/stats';
import { chartFrame, valueAxis, type ChartOption } from './frame';
import { formatNumber } from './format';

/** The paper's name of a swept configuration path, for axis titles. */
const symbols: Record<string, string> = {
  'sgd.epsilon': 'ε = inner / outer stepsize',
  'sgd.h': 'outer stepsize h',
  'sgd.noise': 'label noise',
  'network.m': 'neurons m',
  'network.eta': 'activation width η',
  'fullBatch.lrU': 'inner learning rate',
  'fullBatch.lrA': 'outer learning rate',
  'fullBatch.epochs': 'epochs',
  seed: 'seed',
  variant: 'variant',
};

/** An axis title for a factor: its symbol with the config path, e.g. "ε = inner / outer stepsize (sgd.epsilon)". */
export function factorTitle(name: string): string {
  const symbol = symbols[name];
  return symbol && symbol !== name ? `${symbol} (${name})` : name;
}

/** A level as shown on an axis: numbers with four significant digits (2e-5 rather than 0.00002), text as it is. */
export function levelText(level: string): string {
  const value = Number(level);
  return level.trim() !== '' && Number.isFinite(value) ? formatNumber(value) : level;
}

/** A category axis of parameter levels. */
function categoryAxis(name: string, levels: readonly string[]) {
  return { type: 'category' as const, name, nameLocation: 'middle' as const, nameGap: 34, data: levels.map(levelText), axisTick: { alignWithLabel: true } };
}

/** A line of boxes (null where no run finished) or of convergence counts across the x levels. */
export interface SweepLine<T> {
  name: string;
  values: Array<T | null>;
}

export interface SweepChartInput<T> {
  /** xName: the factor on the x axis (a config path, or 'variant'). */
  xName: string;
  xLevels: readonly string[];
  lines: ReadonlyArray<SweepLine<T>>;
  /** subtitle: e.g. "20 seeds per point". */
  subtitle?: string;
}

/** Final loss by level: whiskers min-max, box q1-q3, median line; log y axis. */
export function sweepBoxOption(input: SweepChartInput<BoxStats>): ChartOption {
  const series: BoxplotSeriesOption[] = input.lines.map((line) => ({
    type: 'boxplot',
    name: line.name,
    // A level without finished runs has no box.
    data: line.values.map((box) => (box && box.n > 0 ? [box.min, box.q1, box.median, box.q3, box.max] : [])),
    boxWidth: [8, 40],
    itemStyle: { borderWidth: 1.5 },
  }));
  return chartFrame({
    title: 'Final loss by parameter value',
    subtitle: input.subtitle,
    xAxis: categoryAxis(factorTitle(input.xName), input.xLevels),
    yAxis: valueAxis('final loss L (log scale)', true),
    series,
    points: 0,
    legend: input.lines.length > 1 ? input.lines.map((line) => line.name) : [],
    tooltip: { trigger: 'item', confine: true },
  });
}

/** Converged runs among the decided ones at one level. */
export interface ConvergenceCount {
  converged: number;
  decided: number;
}

/** P(converged) per level as grouped bars, each labelled "converged/decided" so the sample size shows. */
export function convergenceOption(input: SweepChartInput<ConvergenceCount>): ChartOption {
  const series = input.lines.map((line) => ({
    type: 'bar' as const,
    name: line.name,
    barMaxWidth: 48,
    data: line.values.map((count) =>
      count && count.decided > 0 ? { value: count.converged / count.decided, label: { formatter: `${count.converged}/${count.decided}` } } : '-',
    ),
    label: { show: true, position: 'top' as const, fontSize: 11 },
  }));
  return chartFrame({
    title: 'Probability of convergence',
    subtitle: input.subtitle,
    xAxis: categoryAxis(factorTitle(input.xName), input.xLevels),
    yAxis: valueAxis('P(converged)', false, { min: 0, max: 1.12, interval: 0.2, scale: false, axisLabel: { formatter: (value: number) => (value <= 1 ? formatNumber(value, 2) : '') } }),
    series,
    points: 0,
    legend: input.lines.length > 1 ? input.lines.map((line) => line.name) : [],
    tooltip: { trigger: 'axis', confine: true },
  });
}

/** One cell of a phase diagram. */
export interface PhaseCell extends ConvergenceCount {
  x: string;
  y: string;
}

export interface PhaseInput {
  title: string;
  xName: string;
  yName: string;
  xLevels: readonly string[];
  yLevels: readonly string[];
  cells: readonly PhaseCell[];
}

/** Heat map of P(converged) over two axes, each cell labelled "converged/decided"; empty cells stay blank. */
export function phaseHeatmapOption(input: PhaseInput): ChartOption {
  const data = input.cells
    .filter((cell) => cell.decided > 0)
    .map((cell) => {
      const probability = cell.converged / cell.decided;
      // Cells above this probability are dark blue: their labels turn white.
      const color = probability > 0.55 ? '#ffffff' : '#1f2329';
      return { value: [input.xLevels.indexOf(cell.x), input.yLevels.indexOf(cell.y), probability], label: { formatter: `${cell.converged}/${cell.decided}`, color } };
    });
  const option = chartFrame({
    title: input.title,
    subtitle: 'P(converged); each cell: converged runs / finished runs',
    xAxis: { ...categoryAxis(factorTitle(input.xName), input.xLevels), splitArea: { show: false } },
    yAxis: { ...categoryAxis(factorTitle(input.yName), input.yLevels), nameGap: 48 },
    series: [{ type: 'heatmap', name: 'P(converged)', data, label: { show: true, fontSize: 11 }, itemStyle: { borderColor: '#ffffff', borderWidth: 1 } }],
    points: 0,
    legend: [],
    tooltip: { trigger: 'item', confine: true },
  });
  return {
    ...option,
    grid: { left: 90, right: 110, top: 84, bottom: 56 },
    visualMap: { min: 0, max: 1, calculable: false, orient: 'vertical', right: 12, top: 'middle', itemHeight: 160, text: ['1', '0'], inRange: { color: ['#f3f0e8', '#9ec5e0', '#2f6fb0', '#173f72'] } },
  };
}
