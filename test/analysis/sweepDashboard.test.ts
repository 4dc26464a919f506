import { describe, expect, it } from 'vitest';
import type { RunDetail, RunStatus } from '#shared/api/contract';
import {
  finalLossBox,
  finalLosses,
  initialU,
  phaseStats,
  sweepChartInput,
  sweepsRandomInits,
  validInitShare,
} from '#shared/analysis/sweepDashboard';
import { convergenceCount } from '#shared/analysis/convergence';
import { boxStats } from '#shared/analysis/stats';
import { sweepFactors } from '#shared/analysis/sweepGroups';
import { parseRunConfig, parseSweepSpec } from '#shared/config/schema';
import { expandSweep } from '#shared/config/sweep';
import { lossFloor } from '#shared/math/target';

const spec = parseSweepSpec({
  name: 'grid',
  base: parseRunConfig({ sgd: { h: 1e-3, epsilon: 0.1 } }),
  axes: [
    { path: 'sgd.epsilon', values: [0.1, 0.2] },
    { path: 'network.m', values: [10, 20] },
  ],
  seeds: [1, 2, 3],
});
const floor = lossFloor(spec.base.target, spec.base.network.eta);

/** Runs of the grid in expansion order (epsilon, then m, then seed) with the given outcomes. */
function runs(outcomes: Array<{ status?: RunStatus; loss: number | null; covered?: number }>): RunDetail[] {
  return expandSweep(spec).map(({ config }, i) => {
    const { status = 'done', loss, covered = 5 } = outcomes[i];
    return {
      id: `r${i}`,
      name: `r${i}`,
      status,
      config,
      finalLoss: loss,
      coveredJumps: loss === null ? null : covered,
      totalJumps: 5,
    } as RunDetail;
  });
}

// Grid points in order: (0.1, 10), (0.1, 20), (0.2, 10), (0.2, 20), three seeds each.
const outcomes = [
  { loss: floor },
  { loss: 1.4 * floor },
  { loss: 3 * floor },
  { loss: floor, covered: 4 },
  { loss: floor },
  { loss: null, status: 'running' as const },
  { loss: 10 * floor },
  { loss: 20 * floor },
  { loss: 1e9, status: 'diverged' as const },
  { loss: 1.5 * floor },
  { loss: 1.2 * floor },
  { loss: 1.1 * floor },
];

describe('sweep dashboard aggregation', () => {
  const [epsilon, m] = sweepFactors(spec);
  const all = runs(outcomes);

  it('puts the final losses of each x level in one box, other factors pooled', () => {
    const input = sweepChartInput(spec, all, epsilon, [], (group) => boxStats(finalLosses(group)));
    expect(input.xLevels).toEqual(['0.1', '0.2']);
    expect(input.lines).toHaveLength(1);
    const [low, high] = input.lines[0].values;
    // epsilon 0.1: five finished runs (the running one is left out) 1, 1.4, 3, 1, 1 floors: median 1, n 5.
    expect(low!.n).toBe(5);
    expect(low!.median).toBeCloseTo(floor, 15);
    expect(low!.max).toBeCloseTo(3 * floor, 15);
    // epsilon 0.2: 10, 20, 1e9, 1.5, 1.2, 1.1 (floors, save the diverged 1e9): sorted median between 1.5 and 10 floors.
    expect(high!.n).toBe(6);
    expect(high!.median).toBeCloseTo((1.5 * floor + 10 * floor) / 2, 15);
  });

  it('raises final losses below the log floor to it, and says so', () => {
    const zeros = runs(outcomes.map((outcome, i) => ({ ...outcome, loss: i < 2 ? 0 : outcome.loss })));
    const box = finalLossBox(zeros.slice(0, 3), 1e-6);
    expect([box.min, box.median, box.max, box.raised]).toEqual([1e-6, 1e-6, 3 * floor, true]);
    expect(finalLossBox(all.slice(0, 3), 1e-6).raised).toBe(false);
  });

  it('counts converged among decided runs per level and per line', () => {
    const input = sweepChartInput(spec, all, epsilon, [m], convergenceCount);
    expect(input.lines.map((line) => line.name)).toEqual(['network.m=10', 'network.m=20']);
    // m = 10: epsilon 0.1 has 1 and 1.4 floors converged of 3; epsilon 0.2 none of 3 (the diverged counts as decided).
    expect(input.lines[0].values).toEqual([
      { converged: 2, decided: 3 },
      { converged: 0, decided: 3 },
    ]);
    // m = 20: epsilon 0.1 has one jump uncovered, one converged, one running (undecided); epsilon 0.2 all three within 1.5.
    expect(input.lines[1].values).toEqual([
      { converged: 1, decided: 2 },
      { converged: 3, decided: 3 },
    ]);
  });

  it('gives each phase cell its counts and median final loss', () => {
    const cells = phaseStats(spec, all, epsilon, m);
    expect(cells.map((cell) => [cell.x, cell.y, cell.converged, cell.decided])).toEqual([
      ['0.1', '10', 2, 3],
      ['0.1', '20', 1, 2],
      ['0.2', '10', 0, 3],
      ['0.2', '20', 3, 3],
    ]);
    expect(cells[0].medianLoss).toBeCloseTo(1.4 * floor, 15);
    expect(cells[1].medianLoss).toBeCloseTo(floor, 15);
    expect(cells[2].medianLoss).toBeCloseTo(20 * floor, 15);
  });

  it('counts the initialisations with two neurons in every target piece, per m', () => {
    // The paper target's six pieces [0, .2], [.2, .35], [.35, .5], [.5, .65], [.65, .8], [.8, 1].
    const valid = Float64Array.from([0.05, 0.1, 0.25, 0.3, 0.4, 0.45, 0.55, 0.6, 0.7, 0.75, 0.85, 0.9]);
    const missing = Float64Array.from([0.05, 0.1, 0.25, 0.3, 0.4, 0.45, 0.55, 0.6, 0.7, 0.75, 0.85, 0.79]);
    const inits = all.map((run, i) => ({ run, u: i === 0 ? null : i % 2 ? valid : missing }));
    const input = validInitShare(spec, inits, m);
    // Run 0 recorded no checkpoint: its 10 uniform draws are made again from its seed, and 10 neurons cannot fill
    // six pieces with two each. m = 10: runs 0-2 and 6-8, the odd ones (1, 7) valid; m = 20: runs 3-5 and 9-11, the
    // odd ones (3, 5, 9, 11) valid.
    expect(input.lines[0].values).toEqual([
      { converged: 2, decided: 6 },
      { converged: 4, decided: 6 },
    ]);
    const drawn = initialU(inits[0]);
    expect(drawn).toHaveLength(10);
    expect([...drawn]).toEqual([...drawn].sort((x, y) => x - y));
    expect(initialU(inits[1])).toBe(valid);
    expect(sweepsRandomInits(spec)).toBe(true);
    expect(sweepsRandomInits({ ...spec, axes: [spec.axes[0]] })).toBe(false);
  });
});
