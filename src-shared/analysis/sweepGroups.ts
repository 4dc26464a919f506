/**
 * Groups the runs of a sweep by their grid point, read back from each run's configuration: the variant whose settings
 * the configuration holds, and the value at each axis path. Seeds are what a group pools over.
 */
import type { SweepSpec } from '../config/schema';
import { getPath } from '../config/sweep';
import type { RunDetail } from '../run/record';

/** One varied quantity of a sweep: the variant, or one grid axis; `levels` in the sweep's own order. */
export interface SweepFactor {
  /** name: 'variant' or the axis path (e.g. sgd.epsilon). */
  name: string;
  levels: string[];
}

/** Runs sharing the same level of every factor but one set of them. */
export interface RunGroup {
  /** levels: the group's level of each chosen factor, in the order the factors were given. */
  levels: string[];
  runs: RunDetail[];
}

const VARIANT = 'variant';

export function sweepFactors(spec: SweepSpec): SweepFactor[] {
  const factors: SweepFactor[] = [];
  if (spec.variants.length > 0) factors.push({ name: VARIANT, levels: spec.variants.map((variant) => variant.label) });
  for (const axis of spec.axes) factors.push({ name: axis.path, levels: axis.values.map(String) });
  return factors;
}

/** The run's level of a factor: the first variant whose settings its config holds, or String(value at the path). */
export function levelOf(spec: SweepSpec, factor: string, run: Pick<RunDetail, 'config'>): string {
  if (factor !== VARIANT) return String(getPath(run.config, factor));
  const variant = spec.variants.find((v) =>
    Object.entries(v.set).every(([path, value]) => getPath(run.config, path) === value),
  );
  return variant ? variant.label : '?';
}

/**
 * The runs grouped by their levels of `factors` (names from sweepFactors), every combination of levels listed in the
 * sweep's order, empty groups included, so charts keep their grid.
 */
export function groupRuns(spec: SweepSpec, runs: readonly RunDetail[], factors: readonly SweepFactor[]): RunGroup[] {
  let combinations: string[][] = [[]];
  for (const factor of factors)
    combinations = combinations.flatMap((levels) => factor.levels.map((level) => [...levels, level]));
  const key = (levels: readonly string[]) => JSON.stringify(levels);
  const groups = new Map(combinations.map((levels) => [key(levels), { levels, runs: [] as RunDetail[] }]));
  for (const run of runs) groups.get(key(factors.map((factor) => levelOf(spec, factor.name, run))))?.runs.push(run);
  return [...groups.values()];
}

/** Text of a combination of levels, e.g. "two-timescale, network.m=40" (variants by label alone). */
export function levelsLabel(factors: readonly SweepFactor[], levels: readonly string[]): string {
  return factors.map((factor, i) => (factor.name === VARIANT ? levels[i] : `${factor.name}=${levels[i]}`)).join(', ');
}
