/** Facts of a target read before any training: loss floor, tightest spacing, smallest jump (docs/MODEL.md sections 1 and 4). */
import type { Target } from '../config/schema';
import { lossFloor } from '../math/target';

export interface TargetFacts {
  /** floor: eta sum(Delta_i^2) / 28, the loss left by one neuron centred on each jump. */
  floor: number;
  /** minSpacing: smallest distance between consecutive points of {0, v_1, ..., v_n, 1}. */
  minSpacing: number;
  /** minSpacingBetween: the two points achieving it. */
  minSpacingBetween: [number, number];
  /** smallestJump: min |Delta_i| over the jumps, null without jumps. */
  smallestJump: number | null;
  /** smallestJumpAt: position v_i of that jump. */
  smallestJumpAt: number | null;
  /** rampsFit: eta <= minSpacing, so a neuron's ramp of width eta centred on a jump stays inside its two pieces. */
  rampsFit: boolean;
}

export function targetFacts(target: Target, eta: number): TargetFacts {
  const ends = [0, ...target.positions, 1];
  let minSpacing = Infinity;
  let minSpacingBetween: [number, number] = [0, 1];
  for (let k = 0; k + 1 < ends.length; k++) {
    const gap = ends[k + 1] - ends[k];
    if (gap < minSpacing) {
      minSpacing = gap;
      minSpacingBetween = [ends[k], ends[k + 1]];
    }
  }
  let smallestJump: number | null = null;
  let smallestJumpAt: number | null = null;
  target.positions.forEach((v, i) => {
    const size = Math.abs(target.values[i + 1]);
    if (smallestJump === null || size < smallestJump) {
      smallestJump = size;
      smallestJumpAt = v;
    }
  });
  return {
    floor: lossFloor(target, eta),
    minSpacing,
    minSpacingBetween,
    smallestJump,
    smallestJumpAt,
    rampsFit: eta <= minSpacing,
  };
}
