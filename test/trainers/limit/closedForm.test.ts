/** Closed-form facts of the limit (docs/MODEL.md section 3) along both integrators. */
import { describe, expect, it } from 'vitest';
import { PAPER_TARGET } from '#shared/config/schema';
import { LimitTrainer } from '#shared/trainers/limit';
import { FLANKED_POSITIONS, FLANKS, flankDistances, limitConfig, paperLimitConfig } from './helpers';

/** Slow time by which every pair of FLANKED_POSITIONS has arrived (the last, nearly equidistant at 0.5, at tau = 4 * 0.05 / 2^2 = 0.05). */
const TAU_ALL_ARRIVED = 0.06;
const config = (integrator: 'euler-snap' | 'accurate', steps: number) =>
  limitConfig(PAPER_TARGET, TAU_ALL_ARRIVED, steps, integrator);

const cube = (x: number): number => x * x * x;

describe.each(['euler-snap', 'accurate'] as const)('the %s integrator', (integrator) => {
  // Euler changes d_L^3 - d_R^3 by O(dtau): 20,000 steps over tau = 0.06 keep it within 1e-3 of d_far^3 (measured 4.5e-4;
  // 1000 steps give 9e-3) and the far flank within 2e-3 of its closed-form stop (measured 1.9e-4). The accurate
  // integrator places the far flank by the conservation law itself (measured 3e-15).
  const steps = integrator === 'accurate' ? 200 : 20_000;
  const tolerance = integrator === 'accurate' ? 1e-12 : 1e-3;

  it('conserves d_L^3 - d_R^3 until the nearer flank arrives, which then stops the pair', () => {
    const trainer = LimitTrainer.fromPositions(config(integrator, steps), FLANKED_POSITIONS);
    const initial = FLANKS.map((_, i) => flankDistances(FLANKED_POSITIONS, i));
    const arrivedAt = FLANKS.map(() => -1);
    while (trainer.step(1) === 1) {
      FLANKS.forEach((_, i) => {
        const [dL, dR] = flankDistances(trainer.state.u, i);
        const [dL0, dR0] = initial[i];
        const scale = Math.max(cube(dL0), cube(dR0));
        if (arrivedAt[i] < 0)
          expect(Math.abs(cube(dL) - cube(dR) - (cube(dL0) - cube(dR0))) / scale).toBeLessThan(tolerance);
        if (arrivedAt[i] < 0 && (dL === 0 || dR === 0)) arrivedAt[i] = trainer.state.step;
      });
    }
    FLANKS.forEach((_, i) => {
      const [dL0, dR0] = initial[i];
      const [dL, dR] = flankDistances(trainer.state.u, i);
      expect(arrivedAt[i], `jump ${i} arrived`).toBeGreaterThan(0);
      // the nearer flank is the one on the jump; the other stopped at (d_far^3 - d_near^3)^(1/3)
      expect(dL0 < dR0 ? dL : dR).toBe(0);
      const farNow = dL0 < dR0 ? dR : dL;
      const farExpected = Math.cbrt(Math.abs(cube(dL0) - cube(dR0)));
      expect(Math.abs(farNow - farExpected) / Math.max(dL0, dR0)).toBeLessThan(
        integrator === 'accurate' ? 1e-12 : 2e-3,
      );
    });
    expect(trainer.loss()).toBe(0);
  });
});

describe('integrators agree', () => {
  it('Euler-snap converges to the accurate integrator as its steps grow (first order)', () => {
    const exact = LimitTrainer.fromPositions(config('accurate', 10), FLANKED_POSITIONS);
    const tau = 0.02; // some pairs have arrived, others still move
    exact.advanceTo(tau);
    const errors = [500, 5000, 50_000].map((steps) => {
      const euler = LimitTrainer.fromPositions(config('euler-snap', steps), FLANKED_POSITIONS);
      euler.advanceTo(tau);
      return Math.max(...euler.state.u.map((x, j) => Math.abs(x - exact.state.u[j])));
    });
    expect(errors[0]).toBeGreaterThan(0);
    // ten times the steps gives about a tenth of the error; allow a factor 2 for the snapping's first-order hiccups
    expect(errors[1]).toBeLessThan(errors[0] / 5);
    expect(errors[2]).toBeLessThan(errors[1] / 5);
    expect(errors[2]).toBeLessThan(1e-5);
  });

  it('the accurate integrator lands on the same state by one call or by many grid steps', () => {
    const byGrid = LimitTrainer.fromPositions(paperLimitConfig('accurate', 1000), FLANKED_POSITIONS);
    byGrid.step(1000);
    const atOnce = LimitTrainer.fromPositions(paperLimitConfig('accurate', 1000), FLANKED_POSITIONS);
    atOnce.advanceTo(0.035);
    expect(atOnce.state.step).toBe(1000);
    atOnce.state.u.forEach((x, j) => expect(Math.abs(x - byGrid.state.u[j])).toBeLessThan(1e-12));
  });

  it('every jump reached means L0 = 0 exactly, with each jump holding a neuron', () => {
    for (const integrator of ['euler-snap', 'accurate'] as const) {
      const trainer = LimitTrainer.fromPositions(config(integrator, 1000), FLANKED_POSITIONS);
      trainer.advanceTo(TAU_ALL_ARRIVED);
      for (const v of PAPER_TARGET.positions) expect(trainer.state.u).toContain(v);
      expect(trainer.loss()).toBe(0);
    }
  });
});
