/** The piecewise-constant target f*(x) = values[0] + sum_i values[i+1] [x >= positions[i]] on [0, 1]. */
import type { Target } from '../config/schema';

/** f*(x). */
export function evalTarget(target: Target, x: number): number {
  let value = target.values[0];
  for (let i = 0; i < target.positions.length && x >= target.positions[i]; i++) value += target.values[i + 1];
  return value;
}

/** The global optimum at width eta: one neuron centred on each jump Delta_i leaves eta Delta_i^2 / 28 there. */
export function lossFloor(target: Target, eta: number): number {
  let sum = 0;
  for (let i = 1; i < target.values.length; i++) sum += target.values[i] * target.values[i];
  return (eta * sum) / 28;
}

/** int_0^1 f*^2, summed level by level over the target's pieces. */
export function targetSquaredIntegral(target: Target): number {
  let level = target.values[0];
  let left = 0;
  let sum = 0;
  for (let i = 0; i < target.positions.length; i++) {
    sum += level * level * (target.positions[i] - left);
    left = target.positions[i];
    level += target.values[i + 1];
  }
  return sum + level * level * (1 - left);
}
