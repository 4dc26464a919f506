/** Trajectories over time of every entry of a per-checkpoint parameter (neuron positions u_j, weights a_j). */
import type { CheckpointSeries } from '../run/series';
import { decimateColumns } from './decimate';
import { flatPoints } from './points';
import { flatRows, type LineSeries } from './frame';

/** Up to this many entries get a series each (hover shows which one); beyond, all share one series with gaps. */
const SEPARATE_LINES_LIMIT = 64;
/**
 * Points per line when there are many lines: 1,000 neurons x 64 points (31 min-max buckets, about 16 px each on a
 * chart 500 px wide) stay quick to lay out and stroke.
 */
export const MANY_LINES_POINTS = 64;
/** Points per line when there are few: a min-max pair per 2 px of a chart 500 px wide. */
export const FEW_LINES_POINTS = 500;

export interface TrajectoryOptions {
  /** name: the legend entry all lines share, e.g. "neuron positions u_j". */
  name: string;
  /** label(j): the name of entry j in the tooltip, e.g. "u_3". */
  label: (j: number) => string;
  logX?: boolean;
  /** first, end: the entries drawn are first..end-1 (default all; first = 1 skips the bias weight a_0). */
  first?: number;
  end?: number;
}

/** Line series of the chosen entries of `values` (width entries per checkpoint) against `time`. */
export function trajectorySeries(
  series: CheckpointSeries,
  time: Float64Array,
  values: Float64Array,
  width: number,
  options: TrajectoryOptions,
): LineSeries[] {
  const first = options.first ?? 0;
  const end = Math.min(width, options.end ?? width);
  const lines = Math.max(0, end - first);
  const many = lines > SEPARATE_LINES_LIMIT;
  const block = { values, count: series.count, columns: lines, offset: first, stride: width };
  const kept = decimateColumns(block, many ? MANY_LINES_POINTS : FEW_LINES_POINTS);
  // Many lines: thinner and translucent, so dense bundles read as density instead of a solid block.
  const lineStyle = many ? { width: 0.6, opacity: 0.35 } : { width: 1 };
  const common = {
    type: 'line' as const,
    name: options.name,
    showSymbol: false,
    lineStyle,
    emphasis: { disabled: many },
    dimensions: ['x', 'y'],
  };
  if (!many)
    return kept.map((column, k) => ({
      ...common,
      id: options.label(first + k),
      data: flatRows(flatPoints(time, [column], options.logX)),
    }));
  // One series for all, the lines separated by gaps: far cheaper to build and draw than a thousand series.
  return [
    {
      ...common,
      id: `${options.name} (all)`,
      data: flatRows(flatPoints(time, kept, options.logX)),
      connectNulls: false,
      silent: true,
    },
  ];
}
