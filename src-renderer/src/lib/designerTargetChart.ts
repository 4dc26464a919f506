/**
 * The designer's target chart: the step line of f* on [0, 1] with a fixed level range, and the handles a user drags
 * (one per jump, moving it along x; one per piece, moving its level along y). Pure: the component places the handles
 * in pixels with the chart's own conversion.
 */
import { targetPoints } from '#shared/charts/fit';
import { chartFrame, valueAxis, type ChartOption } from '#shared/charts/frame';
import type { Target } from '#shared/config/schema';
import { levels } from './designerTarget';

/** A draggable point of the chart, in data coordinates. */
export interface TargetHandle {
  /** id: stable name, `jump-<i>` or `level-<k>`. */
  id: string;
  kind: 'jump' | 'level';
  /** index: jump i, or piece k (0: the base level). */
  index: number;
  x: number;
  y: number;
  /** from, to: the piece a level handle stands for, in x (its bar must stay inside it, and inside [0, 1]). */
  from?: number;
  to?: number;
}

/** Widest level bar, in pixels. */
const LEVEL_BAR_WIDTH = 30;

/**
 * A level bar in pixels, given its piece's ends in pixels: centred on the piece and at most LEVEL_BAR_WIDTH wide, but
 * never wider than the piece (less a 2 px margin each side), so the last piece's bar does not reach past x = 1.
 */
export function levelBar(fromPx: number, toPx: number): { x: number; width: number } {
  const width = Math.max(4, Math.min(LEVEL_BAR_WIDTH, toPx - fromPx - 4));
  return { x: (fromPx + toPx) / 2, width };
}

/** The part of a half-typed target that can be drawn: finite jumps in increasing order inside (0, 1), a finite base. */
export function drawableTarget(target: Target): Target {
  const jumps = target.positions
    .map((v, i) => ({ v, delta: target.values[i + 1] }))
    .filter(({ v, delta }) => v > 0 && v < 1 && Number.isFinite(delta))
    .sort((p, q) => p.v - q.v);
  const base = Number.isFinite(target.values[0]) ? target.values[0] : 0;
  return { positions: jumps.map((j) => j.v), values: [base, ...jumps.map((j) => j.delta)] };
}

/** A level range with room around the levels (and at least 1 wide), kept fixed while a handle is dragged. */
export function levelRange(target: Target): [number, number] {
  const all = levels(drawableTarget(target));
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = Math.max(0.5, 0.15 * (high - low));
  return [Math.floor(low - pad), Math.ceil(high + pad)];
}

export function targetHandles(target: Target): TargetHandle[] {
  const drawn = drawableTarget(target);
  const level = levels(drawn);
  const ends = [0, ...drawn.positions, 1];
  const jumps = drawn.positions.map((v, i) => ({
    id: `jump-${i}`,
    kind: 'jump' as const,
    index: i,
    x: v,
    y: (level[i] + level[i + 1]) / 2,
  }));
  const pieces = level.map((y, k) => ({
    id: `level-${k}`,
    kind: 'level' as const,
    index: k,
    x: (ends[k] + ends[k + 1]) / 2,
    y,
    from: ends[k],
    to: ends[k + 1],
  }));
  return [...pieces, ...jumps];
}

/** Plot margins in pixels: no legend, so less room above the plot than the shared frame keeps. */
export const TARGET_GRID = { left: 56, right: 20, top: 58, bottom: 48 };

export function targetChartOption(target: Target, range: [number, number]): ChartOption {
  const drawn = drawableTarget(target);
  const frame = chartFrame({
    title: 'Target f*',
    subtitle: 'drag ● to move a jump, ▬ to change a level',
    xAxis: valueAxis('input x', false, { min: 0, max: 1 }),
    yAxis: valueAxis('level f*(x)', false, { min: range[0], max: range[1], scale: false }),
    series: [
      {
        id: 'target',
        type: 'line',
        name: 'target f*',
        data: targetPoints(drawn),
        showSymbol: false,
        lineStyle: { width: 2.5 },
      },
    ],
    points: drawn.positions.length * 2 + 2,
    legend: [],
    tooltip: { show: false },
  });
  return { ...frame, grid: { ...TARGET_GRID, containLabel: false } };
}
