/**
 * Loss curves of compared runs on one log chart: a run alone is a line; runs that differ only by seed are one line,
 * their median, in a shaded 10-90% band, the legend saying how many seeds it pools.
 */
import type { QuantileBand } from '../analysis/groups';
import { bandLabels, type BandKind } from '../analysis/intervals';
import { decimationIndices } from './decimate';
import { chartFrame, countPoints, referenceLines, valueAxis, type ChartOption, type LineSeries } from './frame';
import { escapeHtml } from '../config/text';
import { formatNumber } from '../base/format';
import { clockAxis, clockNames, type Clock } from './historyTime';
import { LOG_FLOOR } from './loss';
import { CATEGORICAL, seriesLineStyle } from './palette';

/** Points per curve: up to 50 curves share the chart. */
const CURVE_POINTS = 600;
/** The lab's colour-blind-safe palette, set per curve so a band takes its median's colour. */
export const PALETTE: readonly string[] = CATEGORICAL;

/** One line of the chart: a run (seeds = 1, low = high = median) or the median of a seed group. */
export interface CompareCurve {
  /** label: what sets the curve apart, e.g. "sgd.epsilon=0.1". */
  label: string;
  band: QuantileBand;
  /** seeds: runs pooled into the curve. */
  seeds: number;
}

export interface CompareChartOptions {
  clock?: Clock;
  logX?: boolean;
  /** floors: loss floors eta sum(Delta^2) / 28 to mark (dashed). */
  floors?: readonly number[];
  /** band: what the curves of seed groups were computed as (seedBand's kind; quantileBand gives 'p10-90', the default). */
  band?: BandKind;
  interactive?: boolean;
}

/** The legend entry of a curve: its label, with its centre (median or mean) and the number of seeds when it pools several. */
export function curveName(curve: CompareCurve, band: BandKind = 'p10-90'): string {
  return curve.seeds > 1 ? `${curve.label} (${bandLabels[band].centre} of ${curve.seeds} seeds)` : curve.label;
}

/** Rows [x, y] of the kept points; y below LOG_FLOOR is drawn at it. */
function rows(
  time: Float64Array,
  values: Float64Array,
  kept: Int32Array,
  logX: boolean,
  minus?: Float64Array,
): number[][] {
  const out: number[][] = [];
  for (const i of kept) {
    if (logX && !(time[i] > 0)) continue;
    const y = Math.max(values[i], LOG_FLOOR);
    out.push([time[i], minus ? y - Math.max(minus[i], LOG_FLOOR) : y]);
  }
  return out;
}

/** The median line of a curve and, for a seed group, the two stacked series that shade its band. */
function curveSeries(curve: CompareCurve, index: number, logX: boolean, kind: BandKind): LineSeries[] {
  const { band } = curve;
  const color = PALETTE[index % PALETTE.length];
  const name = curveName(curve, kind);
  const kept = decimationIndices({ values: band.median, count: band.time.length }, CURVE_POINTS);
  const line: LineSeries = {
    id: `curve-${index}`,
    type: 'line',
    name,
    color,
    showSymbol: false,
    lineStyle: seriesLineStyle(index, 1.8),
    data: rows(band.time, band.median, kept, logX),
  };
  if (curve.seeds < 2) return [line];
  // The band: its lower edge drawn invisibly, then (upper - lower) stacked on it with the area shaded between them.
  const stack = `band-${index}`;
  const common = {
    type: 'line',
    name,
    color,
    stack,
    showSymbol: false,
    silent: true,
    lineStyle: { opacity: 0 },
    tooltip: { show: false },
  } as const;
  return [
    line,
    { ...common, id: `${stack}-low`, data: rows(band.time, band.low, kept, logX) },
    {
      ...common,
      id: `${stack}-high`,
      areaStyle: { color, opacity: 0.18 },
      data: rows(band.time, band.high, kept, logX, band.low),
    },
  ];
}

interface TooltipParam {
  seriesId?: string;
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
}

/** Axis tooltip listing the median lines only (not the band's helper series). */
function tooltip(clock: Clock) {
  return (params: unknown): string => {
    const list = ((Array.isArray(params) ? params : [params]) as TooltipParam[]).filter((p) =>
      p.seriesId?.startsWith('curve-'),
    );
    if (list.length === 0) return '';
    const head = `${clockNames[clock].split(' =')[0]} = ${formatNumber((list[0].value as number[])[0])}`;
    return [
      head,
      ...list.map(
        (p) =>
          `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}: <b>${formatNumber((p.value as number[])[1])}</b>`,
      ),
    ].join('<br/>');
  };
}

export function compareLossOption(curves: readonly CompareCurve[], options: CompareChartOptions = {}): ChartOption {
  const clock = options.clock ?? 'tau';
  const logX = options.logX ?? false;
  const kind = options.band ?? 'p10-90';
  const series = curves.flatMap((curve, i) => curveSeries(curve, i, logX, kind));
  const floors = options.floors ?? [];
  if (series.length > 0 && floors.length > 0) {
    series[0].markLine = referenceLines(series, floors, (value) => `floor ${formatNumber(value, 3)}`);
  }
  const pooled = curves.some((curve) => curve.seeds > 1);
  const notes = [
    pooled ? `shaded: ${bandLabels[kind].band}` : '',
    floors.length ? 'dashed: floor η·ΣΔ²/28' : '',
  ].filter(Boolean);
  return chartFrame({
    title: 'Loss',
    subtitle: notes.length ? notes.join(' · ') : undefined,
    xAxis: clockAxis(clock, logX),
    yAxis: valueAxis('L2 error L(a,u)', true),
    series,
    points: countPoints(series),
    legend: curves.map((curve) => curveName(curve, kind)),
    tooltip: { trigger: 'axis', confine: true, formatter: tooltip(clock) },
    interactive: options.interactive,
  });
}

/** A run's chart shrunk to a small multiple: its own title (the run's label), no legend, tight margins. */
export function smallMultiple(option: ChartOption, title: string, subtitle?: string): ChartOption {
  const shrink = (axis: unknown) => ({
    ...(axis as object),
    nameGap: 26,
    nameTextStyle: { fontSize: 11 },
    axisLabel: { ...((axis as { axisLabel?: object }).axisLabel ?? {}), fontSize: 10 },
  });
  return {
    ...option,
    title: {
      text: title,
      subtext: subtitle,
      left: 8,
      top: 4,
      textStyle: { fontSize: 12, fontWeight: 600, width: 300, overflow: 'truncate' },
      subtextStyle: { fontSize: 11 },
    },
    legend: { show: false },
    grid: { left: 50, right: 14, top: subtitle ? 50 : 34, bottom: 40, containLabel: false },
    xAxis: shrink(option.xAxis),
    yAxis: shrink(option.yAxis),
    dataZoom: [],
  } as ChartOption;
}
