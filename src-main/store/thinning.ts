/** Which checkpoints a thinned read keeps: evenly spaced over the run, the first and the last always among them. */

/**
 * Positions 0..count-1 to keep when at most `max` (>= 2) of `count` checkpoints are wanted: round(k (count - 1) / (max - 1))
 * for k = 0..max-1, strictly increasing since the spacing is at least 1; null when every checkpoint fits.
 */
export function thinnedPositions(count: number, max: number): Float64Array | null {
  if (count <= max) return null;
  const spacing = (count - 1) / (max - 1);
  return Float64Array.from({ length: max }, (_, k) => Math.round(k * spacing));
}
