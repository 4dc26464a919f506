/**
 * What the sweep dashboard draws, computed from a sweep's runs: one value per grid level of the chosen x factor (and
 * line factor), phase cells over two factors, and the share of random initialisations the limit is defined for.
 * Factors not chosen are pooled.
 */
import type { SweepSpec } from '../config/schema';
import { validSubdivision } from '../math/limit';
import type { RunDetail } from '../run/record';
import { seededInitialParameters } from '../trainers/init';
import { convergenceCount, isDecided } from './convergence';
import { boxStats, median, sortedFinite, type BoxStats } from './stats';
import { groupRuns, levelsLabel, type SweepFactor } from './sweepGroups';

/** Final losses of the runs that finished on their own (NaN when a run has none). */
export const finalLosses = (runs: readonly RunDetail[]): number[] =>
  runs.filter(isDecided).map((run) => run.finalLoss ?? NaN);

/**
 * Box of the final losses of the finished runs, each raised to at least `floor`: a log axis cannot draw the exact 0
 * that the limit reaches. Whether any was raised is returned with it, for the chart to say so.
 */
export function finalLossBox(
  runs: readonly RunDetail[],
  floor: number,
): BoxStats & { raised: boolean; values: Float64Array } {
  const losses = finalLosses(runs);
  const raised = losses.map((loss) => Math.max(loss, floor));
  return { ...boxStats(raised), raised: losses.some((loss) => loss < floor), values: sortedFinite(raised) };
}

/** A sample-size note: "3 seeds per point". */
export function seedsNote(spec: SweepSpec): string {
  return `${spec.seeds.length} seed${spec.seeds.length > 1 ? 's' : ''} per point`;
}

/** A line of boxes (null where no run finished) or of convergence counts across the x levels. */
export interface SweepLine<T> {
  name: string;
  values: Array<T | null>;
}

/** What a sweep chart draws (charts/sweep.ts): lines of values over the levels of one factor. */
export interface SweepChartInput<T> {
  /** xName: the factor on the x axis (a config path, or 'variant'). */
  xName: string;
  xLevels: readonly string[];
  lines: ReadonlyArray<SweepLine<T>>;
  /** subtitle: e.g. "20 seeds per point". */
  subtitle?: string;
}

/**
 * `value` of the runs at each level of `x`, one line per combination of levels of `lines` (one line "all runs" when
 * there is none); null where value gives null.
 */
export function sweepChartInput<T>(
  spec: SweepSpec,
  runs: readonly RunDetail[],
  x: SweepFactor,
  lines: readonly SweepFactor[],
  value: (runs: RunDetail[]) => T | null,
): SweepChartInput<T> {
  const groups = new Map(
    groupRuns(spec, runs, [...lines, x]).map((group) => [JSON.stringify(group.levels), group.runs]),
  );
  const combinations = groupRuns(spec, [], lines).map((group) => group.levels);
  return {
    xName: x.name,
    xLevels: x.levels,
    subtitle: seedsNote(spec),
    lines: combinations.map((levels) => ({
      name: levels.length ? levelsLabel(lines, levels) : 'all runs',
      values: x.levels.map((level) => {
        const group = groups.get(JSON.stringify([...levels, level]));
        return group ? value(group) : null;
      }),
    })),
  };
}

/** One cell of a phase diagram: convergence counts and the median final loss of the finished runs. */
export interface PhaseStats {
  x: string;
  y: string;
  converged: number;
  decided: number;
  /** medianLoss: median final loss of the decided runs (NaN when none). */
  medianLoss: number;
}

/** Every (x level, y level) cell, in the sweep's order, other factors pooled. */
export function phaseStats(spec: SweepSpec, runs: readonly RunDetail[], x: SweepFactor, y: SweepFactor): PhaseStats[] {
  return groupRuns(spec, runs, [x, y]).map((cell) => ({
    x: cell.levels[0],
    y: cell.levels[1],
    ...convergenceCount(cell.runs),
    medianLoss: median(finalLosses(cell.runs)),
  }));
}

/** A run with the neuron positions u of its first checkpoint (its initialisation), null when it recorded none. */
export interface InitialPositions {
  run: RunDetail;
  u: Float64Array | null;
}

/**
 * The run's initial positions: its first checkpoint's u, or, for a run that recorded none (the limit refuses an
 * initialisation it is undefined for, before its first checkpoint), the same draw again from its seed, as the run
 * session makes it (seededInitialParameters).
 */
export function initialU(init: InitialPositions): Float64Array {
  return init.u ?? seededInitialParameters(init.run.config).u;
}

/**
 * Per level of `x` (the sweep over m): how many random initialisations put two neurons in every target piece
 * (validSubdivision). Reported as { converged: valid, decided: runs } so the convergence chart can draw it with the
 * counts behind each point.
 */
export function validInitShare(
  spec: SweepSpec,
  inits: readonly InitialPositions[],
  x: SweepFactor,
): SweepChartInput<{ converged: number; decided: number }> {
  const valid = new Map(inits.map((init) => [init.run, validSubdivision(init.run.config.target, initialU(init))]));
  return sweepChartInput(
    spec,
    inits.map((init) => init.run),
    x,
    [],
    (runs) => (runs.length ? { converged: runs.filter((run) => valid.get(run)).length, decided: runs.length } : null),
  );
}

/** Whether a sweep varies m over random (uniform) initial positions: the case the initialisation panel is for. */
export function sweepsRandomInits(spec: SweepSpec): boolean {
  return (
    spec.axes.some((axis) => axis.path === 'network.m') &&
    spec.base.trainer !== 'full-batch' &&
    spec.base.network.positions.kind === 'uniform'
  );
}
