/** Dense symmetric positive definite solves on row-major Float64Arrays, in place, no allocation. */

/**
 * Overwrites the lower triangle of the n x n matrix A with its Cholesky factor L (A = L L^T). A pivot that rounding made
 * non-positive is replaced by `floor`, which keeps the solve finite for singular matrices shifted by a ridge.
 */
export function choleskyInPlace(A: Float64Array, n: number, floor: number): void {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let pivot = A[rowJ + j];
    for (let k = 0; k < j; k++) pivot -= A[rowJ + k] * A[rowJ + k];
    const diagonal = Math.sqrt(pivot > floor ? pivot : floor);
    A[rowJ + j] = diagonal;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let sum = A[rowI + j];
      for (let k = 0; k < j; k++) sum -= A[rowI + k] * A[rowJ + k];
      A[rowI + j] = sum / diagonal;
    }
  }
}

/** Solves L L^T x = b with the factor of `choleskyInPlace`; x may alias b. */
export function choleskySolve(L: Float64Array, n: number, b: Float64Array, x: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= L[row + k] * x[k];
    x[i] = sum / L[row + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let sum = x[i];
    for (let k = i + 1; k < n; k++) sum -= L[k * n + i] * x[k];
    x[i] = sum / L[i * n + i];
  }
}
