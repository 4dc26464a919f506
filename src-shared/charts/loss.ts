/** Loss against time: the trainer's loss, the two-timescale limit beside it, and the floor eta sum(Delta^2) / 28. */
import type { RunConfig } from '../config/schema';
import { lossFloor } from '../math/target';
import type { CheckpointSeries } from '../run/series';
import {
  chartFrame,
  countPoints,
  flatRows,
  referenceLines,
  timeAxis,
  timeColumn,
  valueAxis,
  type ChartOption,
  type LineSeries,
  type TimeChartOptions,
} from './frame';
import { escapeHtml } from '../config/text';
import { formatNumber } from '../base/format';
import { decimationIndices } from './decimate';
import { hasValuesBelow } from './points';

/** Smallest loss a log axis shows: the limit loss reaches exactly 0, drawn at this value instead. */
export const LOG_FLOOR = 1e-6;
/** Points per loss curve on screen. */
const LOSS_POINTS = 1500;

/** Numbers per drawn point: time, loss as drawn, true loss. */
const ROW = 3;

/**
 * Rows (x, y drawn, y) of at most LOSS_POINTS points of the loss column (extremes kept): y below `floor` is drawn at it,
 * the true y kept for the tooltip; with logX, points at time <= 0 are left out.
 */
function lossRows(
  time: Float64Array,
  values: Float64Array,
  count: number,
  logX = false,
  floor = -Infinity,
): Float64Array {
  const kept = decimationIndices({ values, count }, LOSS_POINTS);
  const rows = new Float64Array(ROW * kept.length);
  let n = 0;
  for (const i of kept) {
    if (logX && !(time[i] > 0)) continue;
    rows[n++] = time[i];
    rows[n++] = Math.max(values[i], floor);
    rows[n++] = values[i];
  }
  return rows.subarray(0, n);
}

export interface LossChartOptions extends TimeChartOptions {
  /** logY: logarithmic loss axis (default true). */
  logY?: boolean;
}

/** What the trainer's loss is, by trainer kind. */
const lossNames: Record<RunConfig['trainer'], string> = {
  sgd: 'SGD loss L(a,u)',
  limit: 'limit loss L0(u)',
  'gradient-flow': 'gradient flow L(a,u)',
  varpro: 'L(a*(u),u)',
  'full-batch': 'criterion ‖pred − y‖₂ / n',
};

/** The lower end of the loss axis: the data's, or a little below the floor when the floor lies under the data. */
export function axisMinWithFloor(dataMin: number, floor: number, logY: boolean): number {
  if (!(floor < dataMin)) return dataMin;
  return logY ? floor / 1.5 : floor - 0.05 * (dataMin - floor);
}

/** The floor applies to the 1-D smoothed-step network trained on the run's target. */
function hasLossFloor(config: RunConfig): boolean {
  return config.trainer !== 'full-batch' && config.network.activation === 'cubic';
}

export function lossChartOption(
  series: CheckpointSeries,
  config: RunConfig,
  options: LossChartOptions = {},
): ChartOption {
  const logY = options.logY ?? true;
  const time = timeColumn(series, options.x);
  const floor = logY ? LOG_FLOOR : undefined;
  const curve = (id: string, name: string, values: Float64Array): LineSeries => {
    const clipped = floor !== undefined && hasValuesBelow(values.subarray(0, series.count), floor);
    return {
      id,
      type: 'line',
      name: clipped ? `${name} (below ${formatNumber(floor)} drawn at ${formatNumber(floor)})` : name,
      showSymbol: false,
      lineStyle: { width: 2 },
      data: flatRows(lossRows(time, values, series.count, options.logX, floor)),
      dimensions: ['x', 'y', 'loss'],
      encode: { x: 'x', y: 'y' },
    };
  };
  const main = curve('loss', lossNames[config.trainer], series.loss);
  const floorValue = hasLossFloor(config) ? lossFloor(config.target, config.network.eta) : null;
  if (floorValue !== null)
    main.markLine = referenceLines([main], [floorValue], (floor) => `floor ${formatNumber(floor, 3)}`);
  const lines = [main];
  if (series.limitLoss)
    lines.push({ ...curve('limit', 'limit L0(u)', series.limitLoss), lineStyle: { width: 2, type: 'dashed' } });
  return chartFrame({
    title: 'Loss',
    subtitle: hasLossFloor(config)
      ? `floor η·ΣΔ²/28 = ${formatNumber(lossFloor(config.target, config.network.eta))}`
      : undefined,
    xAxis: timeAxis(options),
    // The floor is announced in the subtitle, so the axis reaches down to it even while the loss is far above it.
    yAxis: valueAxis(
      'L2 error L(a,u)',
      logY,
      floorValue === null ? {} : { min: (extent: { min: number }) => axisMinWithFloor(extent.min, floorValue, logY) },
    ),
    series: lines,
    points: countPoints(lines),
    tooltip: { trigger: 'axis', confine: true, formatter: lossTooltip(options.x) },
    interactive: options.interactive,
  });
}

interface TooltipParam {
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
}

/** Shows the true loss (third entry of a row), not the value drawn on the log axis. */
function lossTooltip(x: TimeChartOptions['x']) {
  return (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as TooltipParam[];
    if (list.length === 0) return '';
    const head = list[0].value as number[];
    const rows = list.map((p) => {
      const value = p.value as number[];
      return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}: <b>${formatNumber(value[2])}</b>`;
    });
    return [`${x === 'step' ? 'step' : 'τ'} = ${formatNumber(head[0])}`, ...rows].join('<br/>');
  };
}
