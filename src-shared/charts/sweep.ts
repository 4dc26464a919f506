/**
 * Sweep charts: the final loss by parameter value (box plot, log axis), the probability of convergence against the
 * parameter with the runs behind each point, and the phase heat map of convergence over two axes.
 */
import type { BoxplotSeriesOption } from 'echarts';
import { wilsonInterval } from '../analysis/intervals';
import type { BoxStats } from '../analysis/stats';
import type { SweepChartInput, SweepLine } from '../analysis/sweepDashboard';
import { chartFrame, valueAxis, type ChartOption } from './frame';
import { formatNumber } from '../base/format';
import { groupOffset, pointAxis, runPoints } from './groupedPoints';
import { CIVIDIS, seriesColor, textOnMap } from './palette';

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
  return {
    type: 'category' as const,
    name,
    nameLocation: 'middle' as const,
    nameGap: 34,
    data: levels.map(levelText),
    axisTick: { alignWithLabel: true },
  };
}

/** Box plots draw every run as a point over its box below this many runs. */
export const POINTS_BELOW = 30;

/** A box of final losses, with the values it summarises when the points are to be drawn. */
export type SweepBox = BoxStats & { values?: ArrayLike<number> };

/** Category labels with the number of runs behind each box or point: "0.1\nn = 4", or "n = 4 / 3" for several lines. */
function levelsWithCounts(levels: readonly string[], lines: ReadonlyArray<SweepLine<{ n: number } | null>>): string[] {
  return levels.map((level, i) => {
    const counts = [...new Set(lines.map((line) => line.values[i]?.n ?? 0))];
    return `${levelText(level)}\nn = ${counts.length === 1 ? counts[0] : lines.map((line) => line.values[i]?.n ?? 0).join(' / ')}`;
  });
}

/** Two x axes: the levels (with their n) and the hidden value axis that places points on their own box. */
function countedAxes(input: SweepChartInput<{ n: number }>) {
  const axis = {
    ...categoryAxis(factorTitle(input.xName), input.xLevels),
    nameGap: 44,
    data: levelsWithCounts(input.xLevels, input.lines),
    axisLabel: { lineHeight: 15 },
  };
  return [axis, pointAxis(input.xLevels.length)];
}

/** The counted x axes on the chart, the y axis kept at the grid's left (not at the hidden axis' zero, a category's centre). */
function withCountedAxes(option: ChartOption, input: SweepChartInput<{ n: number }>): ChartOption {
  return {
    ...option,
    xAxis: countedAxes(input),
    yAxis: { ...(option.yAxis as object), axisLine: { onZero: false } },
    grid: { ...(option.grid as object), bottom: 66 },
  } as ChartOption;
}

/**
 * Final loss by level: whiskers min-max, box q1-q3, median line, log y axis; under POINTS_BELOW runs every run is a
 * point over its box, and each level names its n.
 */
export function sweepBoxOption(input: SweepChartInput<SweepBox>): ChartOption {
  const count = input.lines.length;
  const boxes: BoxplotSeriesOption[] = input.lines.map((line, index) => ({
    type: 'boxplot',
    name: line.name,
    // A level without finished runs has no box.
    data: line.values.map((box) => (box && box.n > 0 ? [box.min, box.q1, box.median, box.q3, box.max] : [])),
    boxWidth: [8, 40],
    itemStyle: { borderWidth: 1.5, borderColor: seriesColor(index), color: '#ffffff' },
  }));
  const few = input.lines.every((line) => line.values.every((box) => !box || (box.n < POINTS_BELOW && box.values)));
  const points = few
    ? input.lines.map((line, index) =>
        runPoints(
          line.name,
          index,
          count,
          line.values.map((box) => box?.values ?? null),
        ),
      )
    : [];
  const option = chartFrame({
    title: 'Final loss by parameter value',
    subtitle: [input.subtitle, `box: quartiles and median; whiskers: min–max${few ? '; points: each run' : ''}`]
      .filter(Boolean)
      .join(' · '),
    xAxis: categoryAxis(factorTitle(input.xName), input.xLevels),
    yAxis: valueAxis('final loss L', true),
    series: [...boxes, ...points],
    points: 0,
    legend: input.lines.length > 1 ? input.lines.map((line) => line.name) : [],
    tooltip: { trigger: 'item', confine: true },
  });
  return withCountedAxes(option, input);
}

/** Converged runs among the decided ones at one level. */
export interface ConvergenceCount {
  converged: number;
  decided: number;
}

/**
 * P(converged) per level as a point with its Wilson 95 % interval (a whisker with caps), one marker shape per line,
 * each level naming its n; a single line labels its points "converged/decided".
 */
export function convergenceOption(input: SweepChartInput<ConvergenceCount>): ChartOption {
  const count = input.lines.length;
  const intervals = input.lines.map((line) =>
    line.values.map((c) => (c && c.decided > 0 ? wilsonInterval(c.converged, c.decided) : null)),
  );
  const whiskers: BoxplotSeriesOption[] = input.lines.map((line, index) => ({
    type: 'boxplot',
    name: line.name,
    // A whisker from the low to the high end, the "box" collapsed onto the estimate: an error bar with caps.
    data: intervals[index].map((ci) => (ci ? [ci.low, ci.estimate, ci.estimate, ci.estimate, ci.high] : [])),
    boxWidth: [10, 10],
    itemStyle: { borderWidth: 1.2, borderColor: seriesColor(index), color: 'transparent' },
    tooltip: { show: false },
  }));
  const estimates = input.lines.map((line, index) => ({
    ...runPoints(line.name, index, count, []),
    symbolSize: 8,
    data: line.values.flatMap((c, level) => {
      if (!c || c.decided === 0) return [];
      const ci = intervals[index][level]!;
      const text = `${c.converged}/${c.decided}`;
      return [
        {
          value: [level + groupOffset(index, count), c.converged / c.decided],
          label: { formatter: text },
          tooltip: {
            formatter: `${line.name}: ${text} converged, Wilson 95 % ${formatNumber(ci.low, 2)}–${formatNumber(ci.high, 2)}`,
          },
        },
      ];
    }),
    // Side by side, labels would run into the next line's whisker: with several lines the counts are in the tooltip,
    // and n is under the axis.
    label: { show: count === 1, position: 'right' as const, fontSize: 11, distance: 6, color: '#1f2329' },
    itemStyle: { color: seriesColor(index) },
  }));
  const counted = {
    ...input,
    lines: input.lines.map((line) => ({ ...line, values: line.values.map((c) => (c ? { n: c.decided } : null)) })),
  };
  const option = chartFrame({
    title: 'Probability of convergence',
    subtitle: [input.subtitle, 'points: converged / finished runs; bars: Wilson 95 % interval']
      .filter(Boolean)
      .join(' · '),
    xAxis: categoryAxis(factorTitle(input.xName), input.xLevels),
    yAxis: valueAxis('P(converged)', false, { min: 0, max: 1, interval: 0.2, scale: false }),
    series: [...whiskers, ...estimates],
    points: 0,
    legend: input.lines.length > 1 ? input.lines.map((line) => line.name) : [],
    tooltip: { trigger: 'item', confine: true },
  });
  return withCountedAxes(option, counted);
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
      // The map runs from light (0) to dark (1): labels on the dark half turn white.
      const color = textOnMap(1 - probability);
      return {
        value: [input.xLevels.indexOf(cell.x), input.yLevels.indexOf(cell.y), probability],
        label: { formatter: `${cell.converged}/${cell.decided}`, color },
      };
    });
  const option = chartFrame({
    title: input.title,
    subtitle: 'P(converged); each cell: converged runs / finished runs',
    xAxis: { ...categoryAxis(factorTitle(input.xName), input.xLevels), splitArea: { show: false } },
    yAxis: { ...categoryAxis(factorTitle(input.yName), input.yLevels), nameGap: 48 },
    series: [
      {
        type: 'heatmap',
        name: 'P(converged)',
        data,
        label: { show: true, fontSize: 11 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
    points: 0,
    legend: [],
    tooltip: { trigger: 'item', confine: true },
  });
  return {
    ...option,
    grid: { left: 90, right: 110, top: 84, bottom: 56 },
    visualMap: {
      min: 0,
      max: 1,
      calculable: false,
      orient: 'vertical',
      right: 12,
      top: 'middle',
      itemHeight: 160,
      text: ['1', '0'],
      inRange: { color: [...CIVIDIS].reverse() },
    },
  };
}
