/**
 * What the two learned-function charts (the 1-D fit, fit.ts, and the full-batch fit, fitFullBatch.ts) draw alike: the
 * checkpoint shown, curves as flat rows, the dashed target, unit markers on a band below the curves, and the frame.
 */
import type { ScatterSeriesOption } from 'echarts';
import { formatNumber } from '../base/format';
import type { CheckpointSeries } from '../run/series';
import { chartFrame, flatRows, REFERENCE_COLOR, type ChartOption, type FrameParts, type LineSeries } from './frame';

/** Units beyond this many are drawn as one path. */
const LARGE_MARKERS = 200;

const TITLE = 'Learned function';

/** The checkpoint shown for a requested index: rounded and kept within the series (which holds one at least). */
export function shownCheckpoint(series: CheckpointSeries, index: number): number {
  return Math.min(series.count - 1, Math.max(0, Math.round(index)));
}

/** Rows of the columns side by side: [c0[0], c1[0], ..., c0[1], c1[1], ...] (all columns as long as the first). */
export function interleave(columns: readonly Float64Array[]): Float64Array {
  const width = columns.length;
  const rows = new Float64Array(width * columns[0].length);
  columns.forEach((column, c) => {
    for (let i = 0; i < columns[0].length; i++) rows[i * width + c] = column[i];
  });
  return rows;
}

/** Smallest and largest y of flat (x, y) rows and of plain points. */
export function yRange(flat: readonly Float64Array[], points: readonly number[][]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const line of flat) {
    for (let i = 1; i < line.length; i += 2) {
      low = Math.min(low, line[i]);
      high = Math.max(high, line[i]);
    }
  }
  for (const [, y] of points) {
    low = Math.min(low, y);
    high = Math.max(high, y);
  }
  return [low, high];
}

/** The y of the unit markers: a band below the curves spanning [low, high], at the bottom of the plot. */
export function markerBand(low: number, high: number): number {
  return low - 0.08 * Math.max(high - low, 1);
}

/** The target's step line (or the teacher), dashed in the reference colour. */
export function targetLine(name: string, points: number[][]): LineSeries {
  return {
    id: 'target',
    type: 'line',
    name,
    data: points,
    showSymbol: false,
    color: REFERENCE_COLOR,
    lineStyle: { width: 2, type: 'dashed' },
  };
}

/**
 * Unit markers: triangles at rows (u, band, a), the weight riding along for the tooltip. Past LARGE_MARKERS one path
 * for all markers (hover still finds the unit under the pointer) instead of an element each.
 */
export function markerSeries(
  marker: { id: string; name: string; color?: string },
  rows: Float64Array,
  formatter: (params: unknown) => string,
): ScatterSeriesOption {
  return {
    id: marker.id,
    type: 'scatter',
    name: marker.name,
    symbol: 'triangle',
    symbolSize: 8,
    ...(marker.color === undefined ? {} : { color: marker.color }),
    data: flatRows(rows),
    dimensions: ['x', 'y', 'a'],
    encode: { x: 'x', y: 'y' },
    large: true,
    largeThreshold: LARGE_MARKERS,
    tooltip: { trigger: 'item', formatter },
  };
}

/** The chart: `drawn` series and their point count, or none (the subtitle then says why). */
export function fitFrame(
  subtitle: string,
  axes: Pick<FrameParts, 'xAxis' | 'yAxis'>,
  drawn?: Pick<FrameParts, 'series' | 'points'>,
): ChartOption {
  if (!drawn) return chartFrame({ title: TITLE, subtitle, ...axes, series: [], points: 0 });
  return chartFrame({
    title: TITLE,
    subtitle,
    ...axes,
    ...drawn,
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (value) => formatNumber(Number(value)) },
  });
}
