/** The fixture sections fast_solution, limit_derivatives and limit_trajectory, computed with the authors' code. */
import { describe, expect, it } from 'vitest';
import { fastSolution, limitDerivatives, validSubdivision } from '#shared/math/limit';
import { LimitTrainer } from '#shared/trainers/limit';
import { closeTo, loadReferenceCases, type FixtureTarget } from '../../fixtures';
import { asTarget, floats, limitConfig } from './helpers';

const cases = loadReferenceCases();

function expectClose(actual: number, expected: number, label: string, relative = 1e-9): void {
  expect(closeTo(actual, expected, relative), `${label}: got ${actual}, expected ${expected}`).toBe(true);
}

describe('limit reference cases', () => {
  it('fast_solution', () => {
    expect(cases.fast_solution.length).toBeGreaterThan(0);
    for (const [n, c] of cases.fast_solution.entries()) {
      const target = asTarget(c.target as FixtureTarget);
      const u = floats(c.u);
      (c.x as number[]).forEach((x, i) =>
        expectClose(fastSolution(target, u, x), (c.value as number[])[i], `case ${n} at x = ${x}`),
      );
    }
  });

  it('limit_derivatives', () => {
    expect(cases.limit_derivatives.length).toBeGreaterThan(0);
    for (const [n, c] of cases.limit_derivatives.entries()) {
      const u = floats(c.u);
      const out = new Float64Array(u.length).fill(Number.NaN);
      limitDerivatives(asTarget(c.target as FixtureTarget), u, out);
      (c.derivative as number[]).forEach((expected, j) => expectClose(out[j], expected, `case ${n} neuron ${j}`));
    }
  });

  it('limit_trajectory (explicit Euler with snapping)', () => {
    expect(cases.limit_trajectory.length).toBeGreaterThan(0);
    for (const [n, c] of cases.limit_trajectory.entries()) {
      const target = asTarget(c.target as FixtureTarget);
      const u0 = floats(c.u0);
      const steps = c.steps as number;
      expect(validSubdivision(target, u0)).toBe(true);
      const trainer = LimitTrainer.fromPositions(limitConfig(target, (c.dt as number) * steps, steps), u0);
      expect(trainer.step(steps + 5)).toBe(steps);
      (c.u_final as number[]).forEach((expected, j) =>
        expectClose(trainer.state.u[j], expected, `case ${n} neuron ${j}`, 1e-8),
      );
    }
  });
});
