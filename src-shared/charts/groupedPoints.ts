/**
 * Points over grouped boxes on a category axis: ECharts lays the boxes of several series side by side inside each
 * category; a hidden value axis spanning the categories (category i at i) lets scatter points sit on their own box.
 */
import type { ScatterSeriesOption } from 'echarts';
import { MARKERS, seriesColor } from './palette';

/**
 * Centre of series `index` of `count` within a category, in category widths from the category's centre. ECharts'
 * boxplot layout (boxplotLayout.ts): the boxes share 80 % of the band, with gaps of 30 % of the band share of one box.
 */
export function groupOffset(index: number, count: number): number {
  const available = 0.8;
  const gap = (available / count) * 0.3;
  const width = (available - gap * (count - 1)) / count;
  return -available / 2 + width / 2 + index * (gap + width);
}

/** Width of one series' box, in category widths. */
export const groupWidth = (count: number): number => (0.8 - (0.8 / count) * 0.3 * (count - 1)) / count;

/** The hidden x axis the points are placed on: category i of `levels` at value i. */
export const pointAxis = (levels: number) => ({ type: 'value' as const, min: -0.5, max: levels - 0.5, show: false });

/**
 * Every value of line `index` (of `count`) as a point on its box, spread a little sideways in a fixed pattern (no
 * random jitter: the same data gives the same picture).
 */
export function runPoints(
  name: string,
  index: number,
  count: number,
  values: ReadonlyArray<ArrayLike<number> | null>,
): ScatterSeriesOption {
  // Boxes are at most 40 px wide (boxWidth in sweep.ts): on a wide chart that is far less than their share of the band.
  const spread = Math.min(groupWidth(count) * 0.5, 0.06);
  const data: number[][] = [];
  values.forEach((sample, level) => {
    if (!sample) return;
    for (let k = 0; k < sample.length; k++) {
      // Up to five columns, symmetric about the box's centre line.
      const columns = Math.min(sample.length, 5);
      const side = columns > 1 ? (k % columns) / (columns - 1) - 0.5 : 0;
      data.push([level + groupOffset(index, count) + side * spread, sample[k]]);
    }
  });
  return {
    type: 'scatter',
    name,
    xAxisIndex: 1,
    data,
    symbol: MARKERS[index % MARKERS.length],
    symbolSize: 5,
    itemStyle: { color: seriesColor(index), opacity: 0.8, borderColor: '#ffffff', borderWidth: 0.5 },
    z: 3,
  };
}
