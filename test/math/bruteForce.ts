/**
 * Independent brute-force integrals for the tests: composite 4-point Gauss-Legendre on a fine uniform grid, split only at
 * the target's jumps (the network is C^1, so the error is tiny without knowing the neurons' breakpoints).
 */
import type { Target } from '#shared/config/schema';
import { GAUSS_NODES, GAUSS_WEIGHTS } from '#shared/math/quadrature';

export function integrate(target: Target, integrand: (x: number) => number, cells = 20000): number {
  const edges = [0, ...target.positions, 1];
  let sum = 0;
  for (let piece = 0; piece + 1 < edges.length; piece++) {
    const width = (edges[piece + 1] - edges[piece]) / cells;
    for (let c = 0; c < cells; c++) {
      const middle = edges[piece] + (c + 0.5) * width;
      for (let q = 0; q < 4; q++)
        sum += 0.5 * width * GAUSS_WEIGHTS[q] * integrand(middle + 0.5 * width * GAUSS_NODES[q]);
    }
  }
  return sum;
}
