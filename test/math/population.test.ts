/** Exact population loss, gradient, Gram matrix, projections and fast solution against independent computations. */
import { describe, expect, it } from 'vitest';
import { PAPER_TARGET, type Target } from '#shared/config/schema';
import { sigma } from '#shared/math/activation';
import { evalNetwork } from '#shared/math/network';
import { Population } from '#shared/math/population';
import { evalTarget, lossFloor, targetSquaredIntegral } from '#shared/math/target';
import { centralDifference } from '../support/differences';
import { integrate } from './bruteForce';
import { awkwardPositions, randomWeights, seeded } from './random';

const TARGETS: Target[] = [PAPER_TARGET, { positions: [0.3, 0.31, 0.9], values: [-1, 2, -3, 0.5] }];
const ETAS = [0.004, 0.02, 0.1];

/** Every (target, eta) pair with a fresh awkward configuration of m = 12 neurons. */
function configurations(seed: number) {
  const random = seeded(seed);
  return TARGETS.flatMap((target) =>
    ETAS.map((eta) => {
      const m = 12;
      return { target, eta, m, u: awkwardPositions(random, m, eta), a: randomWeights(random, m) };
    }),
  );
}

describe('Population.loss', () => {
  it('matches brute-force quadrature with unsorted, overlapping and out-of-[0,1] neurons', () => {
    for (const { target, eta, m, u, a } of configurations(1)) {
      const population = new Population(target, eta, m);
      const expected = integrate(target, (x) => (evalNetwork(a, u, eta, x) - evalTarget(target, x)) ** 2);
      expect(population.loss(a, u)).toBeCloseTo(expected, 9);
      // A second call reuses the sorted order and must give the same number.
      expect(population.loss(a, u)).toBe(population.loss(a, u));
    }
  });

  it('is the floor Delta^2 eta / 28 for one neuron centred on a jump', () => {
    const eta = 0.01;
    const target: Target = { positions: [0.4], values: [1.5, -3] };
    const population = new Population(target, eta, 1);
    const loss = population.loss(Float64Array.of(1.5, -3), Float64Array.of(0.4));
    expect(loss).toBeCloseTo((9 * eta) / 28, 14);
    expect(lossFloor(target, eta)).toBeCloseTo((9 * eta) / 28, 15);
  });

  it('equals int f*^2 at a = 0, and the paper target integrates to 10.6', () => {
    const population = new Population(PAPER_TARGET, 0.004, 3);
    expect(population.loss(new Float64Array(4), Float64Array.of(0.1, 0.5, 0.9))).toBeCloseTo(10.6, 12);
    expect(targetSquaredIntegral(PAPER_TARGET)).toBeCloseTo(10.6, 12);
  });

  it('returns NaN for a NaN position', () => {
    const population = new Population(PAPER_TARGET, 0.004, 2);
    expect(population.loss(new Float64Array(3), Float64Array.of(0.5, NaN))).toBeNaN();
  });
});

describe('Population.gradient', () => {
  it('agrees with central finite differences', () => {
    for (const { target, eta, m, u, a } of configurations(2)) {
      const population = new Population(target, eta, m);
      const gradA = new Float64Array(m + 1);
      const gradU = new Float64Array(m);
      const loss = population.gradient(a, u, gradA, gradU);
      expect(loss).toBe(population.loss(a, u));
      const step = 1e-6;
      for (let j = 0; j <= m; j++) {
        expect(gradA[j]).toBeCloseTo(
          centralDifference((weights) => population.loss(weights, u), a, j, step),
          6,
        );
      }
      const uStep = 1e-4 * eta;
      for (let j = 0; j < m; j++) {
        const difference = centralDifference((positions) => population.loss(a, positions), u, j, uStep);
        expect(Math.abs(gradU[j] - difference)).toBeLessThan(1e-5 * (1 + Math.abs(difference)));
      }
    }
  });

  it('vanishes for u outside [-eta/2, 1 + eta/2]', () => {
    const m = 12;
    const { target, eta, u, a } = configurations(3)[1];
    const gradA = new Float64Array(m + 1);
    const gradU = new Float64Array(m);
    new Population(target, eta, m).gradient(a, u, gradA, gradU);
    expect(Math.abs(gradU[4])).toBe(0); // u = -0.3: always on, no transition inside [0, 1]
    expect(Math.abs(gradU[5])).toBe(0); // u = 1.4: always off
    expect(Math.abs(gradA[6])).toBe(0);
    expect(gradA[5]).toBeCloseTo(gradA[0], 12); // an always-on neuron acts as a second bias
  });
});

describe('Population.gram and projections', () => {
  it('match brute-force quadrature, bias included', () => {
    for (const { target, eta, m, u } of configurations(4)) {
      const population = new Population(target, eta, m);
      const G = new Float64Array((m + 1) ** 2);
      const b = new Float64Array(m + 1);
      population.gram(u, G);
      population.projections(u, b);
      const basis = (j: number, x: number) => (j === 0 ? sigma((x + eta / 2) / eta) : sigma((x - u[j - 1]) / eta));
      // The brute force converges to the exact value like cells^-3 (about 3e-10 off at eta = 0.004 with 4000 cells).
      for (let j = 0; j <= m; j++) {
        expect(b[j]).toBeCloseTo(
          integrate(target, (x) => evalTarget(target, x) * basis(j, x), 4000),
          8,
        );
        for (let k = 0; k <= m; k++) {
          expect(G[j * (m + 1) + k]).toBe(G[k * (m + 1) + j]);
          if (k >= j)
            expect(G[j * (m + 1) + k]).toBeCloseTo(
              integrate(target, (x) => basis(j, x) * basis(k, x), 4000),
              8,
            );
        }
      }
    }
  });

  it('has the interior diagonal G_jj = 1 - u_j - 5 eta / 56', () => {
    const eta = 0.004;
    const u = Float64Array.of(0.7, 0.1, 0.45, 0.4512);
    const G = new Float64Array(25);
    new Population(PAPER_TARGET, eta, 4).gram(u, G);
    for (let j = 0; j < 4; j++) expect(G[(j + 1) * 5 + j + 1]).toBeCloseTo(1 - u[j] - (5 * eta) / 56, 14);
  });

  it('is consistent with the loss: L(a) = int f*^2 - 2 b.a + a^T G a', () => {
    for (const { target, eta, m, u, a } of configurations(5)) {
      const population = new Population(target, eta, m);
      const G = new Float64Array((m + 1) ** 2);
      const b = new Float64Array(m + 1);
      population.gram(u, G);
      population.projections(u, b);
      let quadratic = targetSquaredIntegral(target);
      for (let j = 0; j <= m; j++) {
        quadratic -= 2 * b[j] * a[j];
        for (let k = 0; k <= m; k++) quadratic += a[j] * G[j * (m + 1) + k] * a[k];
      }
      expect(population.loss(a, u)).toBeCloseTo(quadratic, 10);
    }
  });
});

describe('Population.optimalWeights', () => {
  it('minimises the loss: its value is L(a*) and every perturbation raises it', () => {
    const random = seeded(6);
    for (const { target, eta, m, u } of configurations(6)) {
      const population = new Population(target, eta, m);
      const aStar = new Float64Array(m + 1);
      const minimum = population.optimalWeights(u, aStar);
      const atStar = population.loss(aStar, u);
      expect(minimum).toBeCloseTo(atStar, 8);
      for (let trial = 0; trial < 20; trial++) {
        const perturbed = aStar.map((value) => value + 1e-3 * (2 * random() - 1));
        expect(population.loss(perturbed, u)).toBeGreaterThan(atStar);
      }
      // The gradient in a vanishes at a* (up to the ridge).
      const gradA = new Float64Array(m + 1);
      population.gradient(aStar, u, gradA, new Float64Array(m));
      for (const g of gradA) expect(Math.abs(g)).toBeLessThan(1e-7);
    }
  });

  it('stays finite when neurons coincide', () => {
    const population = new Population(PAPER_TARGET, 0.004, 3);
    const aStar = new Float64Array(4);
    const minimum = population.optimalWeights(Float64Array.of(0.35, 0.35, 0.35), aStar);
    expect(aStar.every(Number.isFinite)).toBe(true);
    expect(minimum).toBeCloseTo(population.loss(aStar, Float64Array.of(0.35, 0.35, 0.35)), 8);
  });
});
