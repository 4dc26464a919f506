/** Which target jumps hold a neuron within eta/2 (docs/MODEL.md section 4: "every jump covered"). */
import type { Target } from '../config/schema';

/** How close the nearest neuron is to one target jump. */
export interface CoverageEntry {
  /** position: the jump's location v_i. */
  position: number;
  /** nearestNeuron: index j of the closest free neuron, -1 when m = 0. */
  nearestNeuron: number;
  /** distanceInEta: |u_j - v_i| / eta. */
  distanceInEta: number;
  /** covered: a neuron lies within eta / 2 of the jump. */
  covered: boolean;
}

/** Index of the free neuron nearest to `position`, -1 when there is none. */
function nearestNeuron(u: Float64Array, position: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let j = 0; j < u.length; j++) {
    const distance = Math.abs(u[j] - position);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = j;
    }
  }
  return best;
}

/** One entry per jump: its nearest neuron, their distance in units of eta, and whether it is covered. */
export function coverage(target: Target, u: Float64Array, eta: number): CoverageEntry[] {
  return target.positions.map((position) => {
    const j = nearestNeuron(u, position);
    const distance = j < 0 ? Infinity : Math.abs(u[j] - position);
    return { position, nearestNeuron: j, distanceInEta: distance / eta, covered: distance <= eta / 2 };
  });
}

/** Number of covered jumps, without allocating. */
export function coveredCount(target: Target, u: Float64Array, eta: number): number {
  let count = 0;
  for (let i = 0; i < target.positions.length; i++) {
    const j = nearestNeuron(u, target.positions[i]);
    if (j >= 0 && Math.abs(u[j] - target.positions[i]) <= eta / 2) count++;
  }
  return count;
}
