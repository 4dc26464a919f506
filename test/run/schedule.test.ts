import { describe, expect, it } from 'vitest';
import { parseRunConfig, totalSteps, type RunConfigInput } from '#shared/config/schema';
import { checkpointSteps } from '#shared/run/schedule';

const schedule = (checkpoints: RunConfigInput['checkpoints'], total: number) =>
  Array.from(checkpointSteps(parseRunConfig({ checkpoints }), total));

function expectValid(steps: number[], total: number, cap: number): void {
  expect(steps[0]).toBe(0);
  expect(steps.at(-1)).toBe(total);
  expect(steps.length).toBeLessThanOrEqual(cap);
  for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
  expect(steps.every(Number.isInteger)).toBe(true);
}

describe('checkpointSteps', () => {
  it("even: the authors' 101 evaluations every floor(steps/100) steps, plus the last step", () => {
    const fig5 = parseRunConfig({ sgd: { h: 1e-5, epsilon: 1 }, duration: { kind: 'tau', tauMax: 10 } });
    const total = totalSteps(fig5);
    expect(total).toBe(999_999);
    const steps = Array.from(checkpointSteps(fig5, total));
    expect(steps.length).toBe(102);
    expect(steps.slice(0, 3)).toEqual([0, 9999, 19998]);
    expect(steps.slice(-2)).toEqual([100 * 9999, 999_999]);
    expectValid(steps, total, 2000);
  });

  it('even: a divisible run ends exactly on its 101st evaluation', () => {
    const steps = schedule({ kind: 'even', count: 101 }, 175_000_000);
    expect(steps.length).toBe(101);
    expect(steps[1]).toBe(1_750_000);
    expectValid(steps, 175_000_000, 2000);
  });

  it('even: a run shorter than the count is evaluated at every step', () => {
    expect(schedule({ kind: 'even', count: 101 }, 7)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('log: count log-spaced steps with 0, 1 and the last, rounding duplicates dropped', () => {
    const steps = schedule({ kind: 'log', count: 5 }, 1000);
    expect(steps).toEqual([0, 1, 10, 100, 1000]);
    const dense = schedule({ kind: 'log', count: 60 }, 50);
    expectValid(dense, 50, 2000);
    expect(dense.length).toBeLessThan(60);
    expect(dense.slice(0, 3)).toEqual([0, 1, 2]);
    // the ratio of successive steps is 10^(6/58) once rounding no longer matters; early duplicates are dropped
    const long = schedule({ kind: 'log', count: 60 }, 1_000_000);
    expectValid(long, 1_000_000, 60);
    expect(long.length).toBeGreaterThan(50);
    expect(long.at(-2)).toBe(Math.round(10 ** (6 * (57 / 58))));
  });

  it('every: each `every` steps and the last one', () => {
    expect(schedule({ kind: 'every', every: 4 }, 10)).toEqual([0, 4, 8, 10]);
    expect(schedule({ kind: 'every', every: 5 }, 10)).toEqual([0, 5, 10]);
  });

  it('cap: thins evenly, keeping 0 and the last step, without listing a billion steps first', () => {
    const steps = schedule({ kind: 'every', every: 1, cap: 11 }, 1_000_000_000);
    expect(steps).toEqual(Array.from({ length: 11 }, (_, i) => i * 100_000_000));
    const full = schedule({ kind: 'even', count: 1001, cap: 100_000 }, 123_457);
    const even = schedule({ kind: 'even', count: 1001, cap: 50 }, 123_457);
    expect(even.length).toBe(50);
    expectValid(even, 123_457, 50);
    // the kept steps are steps of the full schedule, taken at evenly spaced positions in it
    const positions = even.map((step) => full.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    const gaps = positions.slice(1).map((p, i) => p - positions[i]);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
  });

  it('a run of one step is evaluated before and after it', () => {
    for (const kind of ['even', 'log', 'every'] as const) expect(schedule({ kind }, 1)).toEqual([0, 1]);
  });
});
