import { describe, expect, it } from 'vitest';
import { evalNetwork } from '#shared/math/network';
import { evalTarget } from '#shared/math/target';
import { PAPER_TARGET } from '#shared/config/schema';
import { closeTo, loadReferenceCases, type FixtureTarget } from '../../fixtures';
import { centralDifference } from '../../support/differences';
import { stochasticGradients } from './helpers';

interface GradientCase {
  target: FixtureTarget;
  a: number[];
  u: number[];
  eta: number;
  samples: Array<{ x: number; noise: number; grad_a: number[]; grad_u: number[] }>;
}

describe('stochasticGradients', () => {
  it("reproduces the authors' per-sample gradients (fixture section stochastic_gradients)", () => {
    const cases = loadReferenceCases().stochastic_gradients as unknown as GradientCase[];
    expect(cases.length).toBeGreaterThan(0);
    let checked = 0;
    for (const c of cases) {
      const a = Float64Array.from(c.a);
      const u = Float64Array.from(c.u);
      const gradA = new Float64Array(a.length);
      const gradU = new Float64Array(u.length);
      for (const sample of c.samples) {
        const r = stochasticGradients(c.target, a, u, c.eta, sample.x, sample.noise, gradA, gradU, 'box');
        expect(closeTo(r, evalTarget(c.target, sample.x) + sample.noise - evalNetwork(a, u, c.eta, sample.x))).toBe(
          true,
        );
        sample.grad_a.forEach((g, j) => expect(closeTo(gradA[j], g), `grad_a[${j}]`).toBe(true));
        sample.grad_u.forEach((g, j) => expect(closeTo(gradU[j], g), `grad_u[${j}]`).toBe(true));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('exact variant is the true derivative of (y - f)^2, checked by central differences', () => {
    const eta = 0.05;
    const u = Float64Array.from([0.18, 0.2, 0.22, 0.5, 0.51, 0.8]);
    const a = Float64Array.from([1, 2, -1, 0.5, 3, -2, 1.5]);
    const loss = (aa: Float64Array, uu: Float64Array, x: number) =>
      (evalTarget(PAPER_TARGET, x) + 0.3 - evalNetwork(aa, uu, eta, x)) ** 2;
    const gradA = new Float64Array(a.length);
    const gradU = new Float64Array(u.length);
    for (const x of [0.19, 0.205, 0.495, 0.52, 0.79]) {
      stochasticGradients(PAPER_TARGET, a, u, eta, x, 0.3, gradA, gradU, 'exact');
      const step = 1e-6;
      for (let j = 0; j < u.length; j++) {
        const numeric = centralDifference((positions) => loss(a, positions, x), u, j, step);
        expect(Math.abs(gradU[j] - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
      }
      for (let j = 0; j < a.length; j++) {
        const numeric = centralDifference((weights) => loss(weights, u, x), a, j, step);
        expect(Math.abs(gradA[j] - numeric)).toBeLessThan(1e-6 * (1 + Math.abs(numeric)));
      }
    }
  });

  it('box variant is 2 r a_j / eta exactly inside the window and 0 outside', () => {
    const eta = 0.1;
    const u = Float64Array.from([0.3, 0.36, 0.5]);
    const a = Float64Array.from([0, 2, -1, 4]);
    const gradA = new Float64Array(4);
    const gradU = new Float64Array(3);
    const r = stochasticGradients(PAPER_TARGET, a, u, eta, 0.33, 0, gradA, gradU, 'box');
    expect(Array.from(gradU)).toEqual([(2 * r * 2) / eta, (2 * r * -1) / eta, 0]);
  });
});
