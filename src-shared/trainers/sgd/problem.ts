/** What the SGD engines share: the constants of one run and the engine interface. */
import type { Target } from '../../config/schema';
import { evalTarget } from '../../math/target';
import type { PrefixWeightsState } from './weights';

/** box: the authors' indicator [|x - u_j| <= eta/2] in place of sigma'; exact: the true derivative. */
export type UGradient = 'box' | 'exact';

/** Constants of one online SGD run (docs/MODEL.md section 2), read once from the configuration. */
export interface SgdProblem {
  /** jumps[i]: position v_i of the target's jump i, increasing. */
  readonly jumps: Float64Array;
  /** levels[i]: f* on [v_{i-1}, v_i), levels[0] below the first jump. */
  readonly levels: Float64Array;
  /** eta: width of the smoothed step. */
  readonly eta: number;
  /** halfEta: eta / 2; neurons with |x - u_j| <= eta/2 are in their transition, the others have sigma 0 or 1. */
  readonly halfEta: number;
  /** twoH: 2h, so that a_j += twoH * r * sigma_eta(x - u_j). */
  readonly twoH: number;
  /** uRate: 2 h epsilon / eta, so that u_j -= uRate * r * a_j * (box 1, or sigma'). */
  readonly uRate: number;
  /** exact: true derivative sigma' in the u update instead of the authors' box. */
  readonly exact: boolean;
  /** cellLevel[c]: f* on the whole cell [c, c + 1) / LEVEL_CELLS of [0, 1), or NaN when a jump lies inside the cell. */
  readonly cellLevel: Float64Array;
}

/** Cells of the level table; a power of two, so that x * LEVEL_CELLS is exact and its cell is floor of it. */
export const LEVEL_CELLS = 512;

export function sgdProblem(target: Target, eta: number, h: number, epsilon: number, uGradient: UGradient): SgdProblem {
  const levels = new Float64Array(target.values.length);
  levels[0] = target.values[0];
  for (let i = 1; i < levels.length; i++) levels[i] = levels[i - 1] + target.values[i];
  const jumps = Float64Array.from(target.positions);
  const cellLevel = new Float64Array(LEVEL_CELLS);
  for (let c = 0; c < LEVEL_CELLS; c++) {
    const [start, end] = [c / LEVEL_CELLS, (c + 1) / LEVEL_CELLS];
    // x >= v decides the same for every x of the cell unless start < v < end
    cellLevel[c] = jumps.some((v) => start < v && v < end) ? NaN : evalTarget(target, start);
  }
  return {
    jumps,
    levels,
    eta,
    halfEta: eta / 2,
    twoH: 2 * h,
    uRate: (2 * h * epsilon) / eta,
    exact: uGradient === 'exact',
    cellLevel,
  };
}

/** f*(x): the level of the piece holding x, read from the cell table unless a jump lies in x's cell. */
export function targetAt(problem: SgdProblem, x: number): number {
  const level = x >= 0 && x < 1 ? problem.cellLevel[(x * LEVEL_CELLS) | 0] : NaN;
  return Number.isNaN(level) ? levelBySearch(problem, x) : level;
}

/** f*(x) by walking the jumps. */
export function levelBySearch(problem: SgdProblem, x: number): number {
  const jumps = problem.jumps;
  let i = 0;
  while (i < jumps.length && x >= jumps[i]) i++;
  return problem.levels[i];
}

/** The dense engine's state beyond a and u: the order of tied neurons decides the order of the sums. */
export interface DenseEngineState {
  kind: 'dense';
  /** order[k]: the neuron at rank k. */
  order: Int32Array;
}

/** The tree engine's state beyond a and u: the order, and the differences and tree nodes with their own rounding. */
export interface TreeEngineState extends PrefixWeightsState {
  kind: 'tree';
  /** order[k]: the neuron at rank k. */
  order: Int32Array;
  /** Steps since the tree was last rebuilt. */
  sinceRebuild: number;
}

/** Internal state an engine needs, beyond a and u, to resume bit for bit, tagged by the engine that saved it. */
export type EngineState = DenseEngineState | TreeEngineState;

/**
 * Applies SGD steps to a network of m free neurons plus the bias. Parameters use the trainer's layout: a[0] is the
 * bias weight, a[j] and u[j - 1] belong to free neuron j.
 */
export interface SgdEngine {
  /** Applies `count` steps; samples[2s] is the s-th x and samples[2s + 1] its label noise xi. */
  train(samples: Float64Array, count: number): void;
  /** Starts from parameters a (m + 1 entries) and u (m entries), or from a saved internal state. */
  load(a: Float64Array, u: Float64Array, state?: EngineState): void;
  /** Writes the current parameters to a and u. */
  read(a: Float64Array, u: Float64Array): void;
  /** The internal state beyond a and u that resuming bit for bit needs (neuron order, rounding of stored sums). */
  save(): EngineState;
}
