/**
 * The smoothed step of docs/MODEL.md section 1 (unit width, C^1) and its companions. Arguments are already divided by eta.
 */

/** sigma(z): 0 below -1/2, 4(z+1/2)^3 on [-1/2, 0], 1 - 4(1/2-z)^3 on [0, 1/2], 1 above 1/2. */
export function sigma(z: number): number {
  if (z <= -0.5) return 0;
  if (z >= 0.5) return 1;
  if (z <= 0) {
    const w = z + 0.5;
    return 4 * w * w * w;
  }
  const w = 0.5 - z;
  return 1 - 4 * w * w * w;
}

/** sigma'(z): 12(z+1/2)^2 on [-1/2, 0], 12(1/2-z)^2 on [0, 1/2], 0 elsewhere; it integrates to 1. */
export function sigmaPrime(z: number): number {
  if (z <= -0.5 || z >= 0.5) return 0;
  const w = z <= 0 ? z + 0.5 : 0.5 - z;
  return 12 * w * w;
}

/** S(z) = int_{-inf}^z sigma: 0, (z+1/2)^4, z + (1/2-z)^4, then z above 1/2. */
export function sigmaAntiderivative(z: number): number {
  if (z <= -0.5) return 0;
  if (z >= 0.5) return z;
  if (z <= 0) {
    const w = (z + 0.5) * (z + 0.5);
    return w * w;
  }
  const w = (0.5 - z) * (0.5 - z);
  return z + w * w;
}

/** The rectified linear unit, for the ReLU experiments of section 5. */
export function relu(z: number): number {
  return z > 0 ? z : 0;
}
