/**
 * The frame every lab chart shares: title, grid, legend, tooltip, value or log axes, and the time axis choice.
 * Builders stay pure (no DOM), so the UI and the PNG reports draw the same picture.
 */
import type { EChartsOption, LineSeriesOption, XAXisComponentOption, YAXisComponentOption } from 'echarts';
import type { CheckpointSeries } from '../run/series';
import { formatNumber } from '../base/format';
import { CATEGORICAL } from './palette';

export type ChartOption = EChartsOption;
export type LineSeries = LineSeriesOption;
type AxisOption = XAXisComponentOption & YAXisComponentOption;

/** Which column of the checkpoints the horizontal axis shows. */
export type TimeAxis = 'tau' | 'step';

/** Options shared by the charts over time. */
export interface TimeChartOptions {
  /** x: slow time tau (default) or trainer step k. */
  x?: TimeAxis;
  /** logX: logarithmic time axis (checkpoints at time 0 are left out). */
  logX?: boolean;
  /** interactive: add zooming by wheel and drag (the UI); reports leave it off. */
  interactive?: boolean;
  /** What one trainer step is, on the step axis: full-batch runs count epochs. */
  stepName?: string;
}

/** Series with more points than this draw without animation. */
const ANIMATION_LIMIT = 2000;
/** Neutral colour readable on light and dark backgrounds, for reference lines (floor, target, jumps). */
export const REFERENCE_COLOR = '#8a8f98';

export function timeColumn(series: CheckpointSeries, x: TimeAxis = 'tau'): Float64Array {
  return x === 'step' ? series.step : series.tau;
}

function timeAxisName({ x = 'tau', stepName }: TimeChartOptions): string {
  return x === 'step' ? (stepName ?? 'trainer step k') : 'slow time τ = k·h·ε';
}

/** The horizontal axis of a chart over time, spanning exactly the recorded checkpoints. */
export function timeAxis(options: TimeChartOptions): AxisOption {
  // The last checkpoint's time is rarely a round number: its label would overlap the last round tick.
  return valueAxis(timeAxisName(options), options.logX, {
    min: 'dataMin',
    max: 'dataMax',
    axisLabel: { formatter: (value: number) => formatNumber(value, 3), showMaxLabel: false },
  });
}

/** A numeric axis named after what it measures; log axes use base 10. */
export function valueAxis(name: string, log = false, extra: AxisOption = {}): AxisOption {
  return {
    type: log ? 'log' : 'value',
    name,
    nameLocation: 'middle',
    nameGap: log ? 44 : 36,
    scale: !log,
    axisLabel: { formatter: (value: number) => formatNumber(value, 3) },
    splitLine: { lineStyle: { opacity: 0.35 } },
    ...extra,
  } as AxisOption;
}

export interface FrameParts {
  title: string;
  subtitle?: string;
  xAxis: AxisOption;
  yAxis: AxisOption;
  series: LineSeries[] | EChartsOption['series'];
  /** Number of drawn points, to switch animation off for large data. */
  points: number;
  tooltip?: EChartsOption['tooltip'];
  /** Legend entries; all named series when omitted. */
  legend?: string[];
  interactive?: boolean;
}

/** Tooltip values in the lab's number format (four significant digits), not the 17 digits of a raw double. */
export function tooltipValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(tooltipValue).join(', ');
  return typeof value === 'number' ? formatNumber(value) : value === null || value === undefined ? '—' : String(value);
}

export function chartFrame(parts: FrameParts): ChartOption {
  return {
    animation: parts.points <= ANIMATION_LIMIT,
    // Short: live charts redraw several times a second.
    animationDuration: 250,
    animationDurationUpdate: 150,
    // Colour-blind-safe series colours (palette.ts) in every chart, on screen and in print.
    color: [...CATEGORICAL],
    title: {
      text: parts.title,
      subtext: parts.subtitle,
      left: 12,
      top: 6,
      textStyle: { fontSize: 15, fontWeight: 600 },
    },
    grid: { left: 72, right: 28, top: parts.subtitle ? 84 : 70, bottom: 56, containLabel: false },
    legend: {
      top: parts.subtitle ? 54 : 36,
      left: 12,
      type: 'scroll',
      ...(parts.legend ? { data: parts.legend } : {}),
    },
    tooltip: parts.tooltip ?? { trigger: 'axis', confine: true, valueFormatter: tooltipValue },
    xAxis: parts.xAxis,
    yAxis: parts.yAxis,
    dataZoom: parts.interactive ? [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }] : [],
    series: parts.series as EChartsOption['series'],
  };
}

/**
 * Series data given as one flat typed array of rows of `dimensions.length` numbers: ECharts' setOption takes it as it is
 * instead of deep-copying one small array per point (its option types list plain arrays only).
 */
export const flatRows = (rows: Float64Array) => rows as unknown as number[];

/** Number of points of the lines (rows of plain arrays, or flat typed arrays of `dimensions.length` columns). */
export function countPoints(lines: readonly LineSeries[]): number {
  return lines.reduce(
    (n, line) =>
      n +
      (ArrayBuffer.isView(line.data)
        ? (line.data as unknown as Float64Array).length / (line.dimensions?.length ?? 2)
        : (line.data ?? []).length),
    0,
  );
}

/** Smallest and largest x of the lines' points (rows of plain arrays, or flat typed arrays of `dimensions.length` columns). */
function xExtent(lines: readonly LineSeries[]): [number, number] {
  let x0 = Infinity;
  let x1 = -Infinity;
  const extend = (x: number) => {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
  };
  for (const line of lines) {
    if (ArrayBuffer.isView(line.data)) {
      const rows = line.data as unknown as Float64Array;
      const width = line.dimensions?.length ?? 2;
      for (let k = 0; k < rows.length; k += width) extend(rows[k]);
    } else for (const point of (line.data ?? []) as number[][]) extend(point[0]);
  }
  return [x0, x1];
}

/**
 * Dashed horizontal reference lines (loss floors) at `values`, labelled by `label`, as segments across the x extent of
 * `lines`: a markLine given by a bare yAxis is drawn at the nearest power of ten on a log axis (ECharts 6).
 */
export function referenceLines(
  lines: readonly LineSeries[],
  values: readonly number[],
  label: (value: number) => string,
): LineSeries['markLine'] {
  const [x0, x1] = xExtent(lines);
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed', color: REFERENCE_COLOR, width: 1.5 },
    label: { position: 'insideEndTop', color: REFERENCE_COLOR, formatter: '{b}' },
    data: x0 <= x1 ? values.map((value) => [{ name: label(value), coord: [x0, value] }, { coord: [x1, value] }]) : [],
  };
}
