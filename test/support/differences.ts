/** Shared by the tests that check a gradient against the function it differentiates. */

/**
 * The central difference (f(x + h e_j) - f(x - h e_j)) / 2h: the derivative of `f` at `x` along coordinate `j`. `x` is
 * moved in place while `f` is evaluated and holds its own values again when this returns.
 */
export function centralDifference(f: (x: Float64Array) => number, x: Float64Array, j: number, h: number): number {
  const saved = x[j];
  x[j] = saved + h;
  const plus = f(x);
  x[j] = saved - h;
  const minus = f(x);
  x[j] = saved;
  return (plus - minus) / (2 * h);
}
