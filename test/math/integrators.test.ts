/** The adaptive integrators on problems with closed-form solutions. */
import { describe, expect, it } from 'vitest';
import { DormandPrince } from '#shared/math/dormandPrince';
import { Ros2, type LinearlyImplicitProblem } from '#shared/math/rosenbrock';

describe('DormandPrince', () => {
  it('integrates a rotation to its tolerance over many output intervals', () => {
    const solver = new DormandPrince(
      2,
      (y, dydt) => {
        dydt[0] = -y[1];
        dydt[1] = y[0];
      },
      { rtol: 1e-10, atol: 1e-12 },
    );
    const y = Float64Array.of(1, 0);
    for (let k = 0; k < 100; k++) solver.advance(y, 0.1);
    expect(y[0]).toBeCloseTo(Math.cos(10), 8);
    expect(y[1]).toBeCloseTo(Math.sin(10), 8);
    expect(solver.attempts).toBeLessThan(1000);
  });
});

describe('Ros2', () => {
  // y0' = -k (y0 - cos y1), y1' = 1: y0 relaxes at rate k onto cos t. J = [[-k, -k sin y1], [0, 0]] (the y1 row, here
  // zero anyway, stays explicit as in the gradient flow), or a deliberately wrong J for the W-method order test.
  function problem(k: number, jacobian: 'coupled' | 'wrong'): LinearlyImplicitProblem {
    let diagonal = 1;
    let coupling = 0;
    return {
      field(y, dydt) {
        dydt[0] = -k * (y[0] - Math.cos(y[1]));
        dydt[1] = 1;
      },
      prepare(y, gammaH) {
        diagonal = jacobian === 'coupled' ? 1 + gammaH * k : 1 + gammaH * 0.3 * k;
        coupling = jacobian === 'coupled' ? gammaH * k * Math.sin(y[1]) : 0;
      },
      solve(rhs, out) {
        out[1] = rhs[1];
        out[0] = (rhs[0] - coupling * out[1]) / diagonal;
      },
    };
  }

  it('follows the slow manifold of a stiff problem with steps far beyond the explicit stability limit', () => {
    const k = 1e5;
    const solver = new Ros2(2, problem(k, 'coupled'), { rtol: 1e-6, atol: 1e-9 });
    const y = Float64Array.of(0, 0);
    solver.advance(y, 10);
    // Slow manifold y0 = cos t + sin t / k + O(1/k^2).
    expect(y[0]).toBeCloseTo(Math.cos(10) + Math.sin(10) / k, 5);
    // An explicit method would need more than 10 k / 2 = 500,000 steps; ROS2 needs what accuracy asks, whatever k.
    expect(solver.attempts).toBeLessThan(20_000);
  });

  it('is second order even with a wrong Jacobian (a W-method)', () => {
    const k = 2;
    const exact = (t: number) => (k * k * Math.cos(t) + k * Math.sin(t) - k * k * Math.exp(-k * t)) / (k * k + 1);
    const errors = [0.02, 0.01].map((h) => {
      // Huge tolerances accept every step: the error is the method's at the fixed step h.
      const solver = new Ros2(2, problem(k, 'wrong'), { rtol: 1e6, atol: 1e6 });
      solver.h = h;
      const y = Float64Array.of(0, 0);
      for (let n = 0; n < 100 * (0.02 / h); n++) solver.advance(y, h);
      return Math.abs(y[0] - exact(2));
    });
    expect(errors[0] / errors[1]).toBeGreaterThan(3.5);
    expect(errors[0] / errors[1]).toBeLessThan(4.5);
  });
});
