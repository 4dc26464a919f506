/**
 * Sweep dashboard charts that the report charts do not cover: the phase heat map of the median final loss (log
 * colour scale) and the share of initialisations the limit is defined for, drawn like the convergence probability.
 */
import type { PhaseStats, SweepChartInput } from '../analysis/sweepDashboard';
import { chartFrame, type ChartOption } from './frame';
import { formatNumber } from '../base/format';
import { LOG_FLOOR } from './loss';
import { VIRIDIS } from './palette';
import { convergenceOption, factorTitle, levelText, type ConvergenceCount } from './sweep';

export interface LossMapInput {
  xName: string;
  yName: string;
  xLevels: readonly string[];
  yLevels: readonly string[];
  cells: readonly PhaseStats[];
}

/** Viridis from low loss (dark) to high loss (yellow): perceptually uniform, readable in greyscale. */
const LOSS_COLORS = [...VIRIDIS];

function levelAxis(name: string, levels: readonly string[], nameGap: number) {
  return {
    type: 'category' as const,
    name: factorTitle(name),
    nameLocation: 'middle' as const,
    nameGap,
    data: levels.map(levelText),
    splitArea: { show: false },
  };
}

/**
 * Heat map of log10(median final loss) over two factors, medians below LOG_FLOOR coloured as LOG_FLOOR (the limit
 * reaches exactly 0); each cell labelled with its true median, cells without a finished run blank.
 */
export function medianLossHeatmapOption(input: LossMapInput): ChartOption {
  const filled = input.cells.filter((cell) => Number.isFinite(cell.medianLoss));
  const logs = filled.map((cell) => Math.log10(Math.max(cell.medianLoss, LOG_FLOOR)));
  const low = logs.length ? Math.min(...logs) : 0;
  // A single value still needs a range for the colour scale.
  const high = logs.length ? Math.max(...logs, low + 1e-9) : 1;
  const data = filled.map((cell, i) => ({
    value: [input.xLevels.indexOf(cell.x), input.yLevels.indexOf(cell.y), logs[i]],
    label: { formatter: formatNumber(cell.medianLoss, 2) },
  }));
  const option = chartFrame({
    title: 'Median final loss',
    subtitle: `median over the finished runs of each cell (log colour scale; below ${formatNumber(LOG_FLOOR)} coloured as ${formatNumber(LOG_FLOOR)})`,
    xAxis: levelAxis(input.xName, input.xLevels, 34),
    yAxis: levelAxis(input.yName, input.yLevels, 48),
    series: [
      {
        type: 'heatmap',
        name: 'median final loss',
        data,
        label: { show: true, fontSize: 11, color: '#ffffff', textBorderColor: '#00000088', textBorderWidth: 2 },
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
      },
    ],
    points: 0,
    legend: [],
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) =>
        `median final L = ${(p as { data: { label: { formatter: string } } }).data.label.formatter}`,
    },
  });
  return {
    ...option,
    grid: { left: 90, right: 110, top: 84, bottom: 56 },
    visualMap: {
      min: low,
      max: high,
      calculable: false,
      orient: 'vertical',
      right: 12,
      top: 'middle',
      itemHeight: 160,
      text: [formatNumber(10 ** high, 2), formatNumber(10 ** low, 2)],
      inRange: { color: LOSS_COLORS },
    },
  };
}

/** Share of initialisations with two neurons in every target piece, against the x factor, counts on each point. */
export function validInitOption(input: SweepChartInput<ConvergenceCount>): ChartOption {
  const option = convergenceOption(input);
  return {
    ...option,
    title: {
      ...(option.title as object),
      text: 'Initialisations the limit is defined for',
      subtext: 'share of random inits with ≥ 2 neurons in every target piece; labels: valid / runs',
    },
    yAxis: { ...(option.yAxis as object), name: 'share valid' },
  } as ChartOption;
}
