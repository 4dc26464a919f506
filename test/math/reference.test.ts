/** The fixture sections sigma, network and population_loss, computed with the authors' code. */
import { describe, expect, it } from 'vitest';
import { sigma } from '#shared/math/activation';
import { evalNetwork } from '#shared/math/network';
import { Population } from '#shared/math/population';
import { closeTo, loadReferenceCases } from '../fixtures';

const cases = loadReferenceCases();

function expectClose(actual: number, expected: number, label: string): void {
  expect(closeTo(actual, expected), `${label}: got ${actual}, expected ${expected}`).toBe(true);
}

describe('reference cases', () => {
  it('sigma', () => {
    expect(cases.sigma.length).toBeGreaterThan(0);
    for (const c of cases.sigma) expectClose(sigma(c.x), c.value, `sigma(${c.x})`);
  });

  it('network', () => {
    expect(cases.network.length).toBeGreaterThan(0);
    for (const [n, c] of cases.network.entries()) {
      const a = Float64Array.from(c.a);
      const u = Float64Array.from(c.u);
      c.x.forEach((x, i) => expectClose(evalNetwork(a, u, c.eta, x), c.value[i], `network case ${n} at x = ${x}`));
    }
  });

  it('population_loss', () => {
    expect(cases.population_loss.length).toBeGreaterThan(0);
    for (const [n, c] of cases.population_loss.entries()) {
      const population = new Population(c.target, c.eta, c.u.length);
      expectClose(population.loss(Float64Array.from(c.a), Float64Array.from(c.u)), c.loss, `population_loss case ${n}`);
    }
  });
});
