/** The lab's generators behind one `Rng` interface, and bulk drawing for the hot loops. */
import { Mt19937 } from './mt19937';
import type { Rng, RngKind } from './types';
import { Xoshiro256 } from './xoshiro';

export type { Rng, RngKind } from './types';
export { Mt19937 } from './mt19937';
export { Xoshiro256 } from './xoshiro';

/** numpy: MT19937 compatible with numpy's legacy generator; fast: xoshiro256+. */
export function createRng(kind: RngKind, seed: number): Rng {
  return kind === 'numpy' ? new Mt19937(seed) : new Xoshiro256(seed);
}

/** Writes the next `count` doubles of `rng` to out[0..count), in one call when the generator can fill blocks. */
export function drawInto(rng: Rng, out: Float64Array, count: number): void {
  if (rng instanceof Mt19937 || rng instanceof Xoshiro256) rng.fill(out, count);
  else for (let k = 0; k < count; k++) out[k] = rng.next();
}
