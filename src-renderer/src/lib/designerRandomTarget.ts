/**
 * Random piecewise-constant targets for the designer: n jump positions at least `minSpacing` apart (and from 0 and 1),
 * levels drawn in [low, high] with neighbouring levels at least a tenth of the range apart. Seeded (xoshiro256+),
 * so the same settings give the same target.
 */
import type { Target } from '#shared/config/schema';
import { createRng } from '#shared/rng';

export interface RandomTargetSpec {
  /** jumps: number n of jump positions. */
  jumps: number;
  /** minSpacing: smallest distance between consecutive points of {0, v_1, ..., v_n, 1}. */
  minSpacing: number;
  /** low, high: range of the levels f*. */
  low: number;
  high: number;
  seed: number;
}

/** Positions are drawn on a grid of 1 / GRID, so they print as short decimals. */
const GRID = 10_000;
/** Levels are rounded to 1 / LEVEL_GRID. */
const LEVEL_GRID = 100;
/** A new level is drawn again (up to this many times) while it is closer than a tenth of the range to the last one. */
const LEVEL_TRIES = 100;

/** Why the settings cannot give a target, or null when they can. */
export function randomTargetProblem(spec: RandomTargetSpec): string | null {
  if (!Number.isInteger(spec.jumps) || spec.jumps < 0 || spec.jumps > 1000)
    return 'the number of jumps must be a whole number from 0 to 1000';
  if (!(spec.minSpacing >= 0)) return 'the minimum spacing must be at least 0';
  if (!(
    Number.isFinite(spec.low) &&
    Number.isFinite(spec.high) &&
    Math.ceil(spec.low * LEVEL_GRID) < Math.floor(spec.high * LEVEL_GRID)
  )) {
    return `the value range needs low < high, at least ${1 / LEVEL_GRID} apart`;
  }
  if (!Number.isInteger(spec.seed) || spec.seed < 0 || spec.seed >= 2 ** 32)
    return 'the seed must be a whole number from 0 to 4294967295';
  if (spacingUnits(spec) * (spec.jumps + 1) > GRID)
    return `${spec.jumps} jumps cannot be ${spec.minSpacing} apart inside [0, 1]`;
  return null;
}

/** The minimum spacing in grid units (at least one unit: positions must differ). */
const spacingUnits = (spec: RandomTargetSpec) => Math.max(1, Math.ceil(spec.minSpacing * GRID - 1e-9));

export function randomTarget(spec: RandomTargetSpec): Target {
  const problem = randomTargetProblem(spec);
  if (problem) throw new RangeError(problem);
  const rng = createRng('fast', spec.seed);
  const unit = spacingUnits(spec);
  // Gaps of `unit` are set aside; the slack left is spread by n sorted uniform integers.
  const slack = GRID - unit * (spec.jumps + 1);
  const offsets = Array.from({ length: spec.jumps }, () => Math.floor(rng.next() * (slack + 1))).sort((p, q) => p - q);
  const positions = offsets.map((k, i) => (k + (i + 1) * unit) / GRID);
  const low = Math.ceil(spec.low * LEVEL_GRID);
  const high = Math.floor(spec.high * LEVEL_GRID);
  const drawLevel = () => low + Math.floor(rng.next() * (high - low + 1));
  const levels = [drawLevel()];
  for (let i = 0; i < spec.jumps; i++) {
    let level = drawLevel();
    for (let t = 0; t < LEVEL_TRIES && Math.abs(level - levels[i]) * 10 < high - low; t++) level = drawLevel();
    // Never the same level twice in a row: a jump of size 0 is no jump (the configuration refuses it).
    if (level === levels[i]) level += level < high ? 1 : -1;
    levels.push(level);
  }
  return { positions, values: levels.map((level, i) => (i === 0 ? level : level - levels[i - 1]) / LEVEL_GRID) };
}
