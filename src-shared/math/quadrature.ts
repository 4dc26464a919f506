/**
 * 4-point Gauss-Legendre on [-1, 1]: exact for polynomials of degree <= 7, hence for every integrand of docs/MODEL.md
 * section 4 (degree <= 6 between consecutive breakpoints).
 */

/** GAUSS_NODES[q]: node q on [-1, 1]. */
export const GAUSS_NODES = new Float64Array([
  -0.8611363115940526, -0.3399810435848563, 0.3399810435848563, 0.8611363115940526,
]);
/** GAUSS_WEIGHTS[q]: weight of node q (they sum to 2). */
export const GAUSS_WEIGHTS = new Float64Array([
  0.3478548451374538, 0.6521451548625461, 0.6521451548625461, 0.3478548451374538,
]);
