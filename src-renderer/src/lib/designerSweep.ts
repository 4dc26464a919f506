/**
 * The sweep builder's model: grid axes over numeric fields of the designed run (values typed as a list, a linear range
 * or a log range) times a number of seeds, turned into a SweepSpec the host expands. Pure (no Vue).
 */
import type { RunConfig } from '#shared/config/schema';
import { isRead } from '#shared/config/sections';
import { getPath } from '#shared/config/sweep';
import { FIELDS, parseField, parseList, type FieldSpec } from './runForm';

export type AxisMode = 'list' | 'linear' | 'log';

/** One grid axis as typed. */
export interface AxisDraft {
  path: string;
  mode: AxisMode;
  /** list: the values typed, e.g. "0.01, 0.1, 1". */
  list: string;
  /** from, to, count: the ends and number of values of a range. */
  from: string;
  to: string;
  count: string;
}

/** Largest number of values on one axis (the sweep schema's limit). */
export const MAX_AXIS_VALUES = 1000;

const f = FIELDS;
/** Fields a sweep may vary, in the order they are offered. */
const SWEEPABLE: FieldSpec[] = [
  f.epsilon,
  f.h,
  f.m,
  f.eta,
  f.noise,
  f.tauMax,
  f.steps,
  f.weightScale,
  f.checkpointCount,
  f.odeSteps,
  f.rtol,
  f.atol,
  f.d,
  f.n,
  f.lrA,
  f.lrU,
  f.epochs,
];
/** Fields holding whole numbers: range values are rounded and repeated values dropped. */
const WHOLE = new Set([
  f.m.path,
  f.steps.path,
  f.checkpointCount.path,
  f.odeSteps.path,
  f.d.path,
  f.n.path,
  f.epochs.path,
]);

/** The numeric fields the configuration has (e.g. duration.steps only under a step budget) that its trainer reads. */
export function sweepableFields(config: RunConfig): FieldSpec[] {
  return SWEEPABLE.filter((spec) => typeof getPath(config, spec.path) === 'number' && isRead(config, spec.path));
}

/** Rounds binary noise off range values (0.1 + 2 * 0.45 prints as 1, not 1.0000000000000002). */
const clean = (x: number): number => Number(x.toPrecision(12));

/** The values of an axis, or the reason it has none. */
export function axisValues(axis: AxisDraft): { values: number[] } | { error: string } {
  let values: number[];
  if (axis.mode === 'list') {
    values = parseList(axis.list);
    if (values.length === 0) return { error: 'type at least one value' };
    if (values.some((v) => !Number.isFinite(v))) return { error: 'every value must be a number' };
  } else {
    const from = parseField(axis.from);
    const to = parseField(axis.to);
    const count = parseField(axis.count);
    if (!Number.isFinite(from) || !Number.isFinite(to)) return { error: 'both ends must be numbers' };
    if (!Number.isInteger(count) || count < 1 || count > MAX_AXIS_VALUES)
      return { error: `the number of values must be a whole number from 1 to ${MAX_AXIS_VALUES}` };
    if (axis.mode === 'log' && !(from > 0 && to > 0)) return { error: 'a log range needs both ends above 0' };
    const at = (t: number) => (axis.mode === 'log' ? from * (to / from) ** t : from + (to - from) * t);
    values = Array.from({ length: count }, (_, i) => clean(count === 1 ? from : at(i / (count - 1))));
  }
  if (WHOLE.has(axis.path)) values = [...new Set(values.map(Math.round))];
  if (values.length > MAX_AXIS_VALUES) return { error: `at most ${MAX_AXIS_VALUES} values` };
  return { values };
}

/** Seeds first, first + 1, ..., first + count - 1. */
export function seedList(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}
