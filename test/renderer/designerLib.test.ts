import { describe, expect, it } from 'vitest';
import { parseRunConfig, PAPER_TARGET, runConfigSchema } from '#shared/config/schema';
import { candidateConfig, issueKey, stateFromConfig } from '../../src-renderer/src/lib/designerForm';
import { randomTarget, randomTargetProblem } from '../../src-renderer/src/lib/designerRandomTarget';
import { estimateBatchSeconds, estimateSeconds, stepSeconds } from '../../src-renderer/src/lib/designerSpeed';
import { axisValues, sweepableFields, type AxisDraft } from '../../src-renderer/src/lib/designerSweep';
import {
  addJump,
  levels,
  moveJump,
  removeJump,
  rowsFromTarget,
  setLevel,
  sortJumps,
  targetFromRows,
} from '../../src-renderer/src/lib/designerTarget';

describe('designer state', () => {
  it('gives back every preset-like configuration it was loaded from', () => {
    for (const input of [
      {},
      { trainer: 'limit' as const, network: { positions: { kind: 'even' as const } } },
      { trainer: 'full-batch' as const, network: { weights: { kind: 'uniform' as const, scale: 3 } } },
    ]) {
      const config = parseRunConfig(input);
      expect(runConfigSchema.parse(candidateConfig(stateFromConfig(config)))).toEqual(config);
    }
  });

  it('turns a typed inner stepsize into epsilon and sends its messages to that input', () => {
    const state = stateFromConfig(parseRunConfig({ sgd: { h: 1e-3, epsilon: 2e-5 } }));
    state.stepsizes = 'inner';
    state.texts.hInner = '4e-8';
    expect((candidateConfig(state) as { sgd: { epsilon: number } }).sgd.epsilon).toBeCloseTo(4e-5, 18);
    expect(issueKey(['sgd', 'epsilon'], state)).toBe('hInner');
    expect(issueKey(['target', 'values', 0], state)).toBe('target-base');
    expect(issueKey(['target', 'values', 3], state)).toBe('jump-2-jump');
    expect(issueKey(['target', 'positions', 1], state)).toBe('jump-1-position');
    expect(issueKey(['duration'], state)).toBe('tauMax');
    expect(issueKey(['network', 'positions', 'u'], state)).toBe('positionsList');
    expect(issueKey(['checkpoints', 'cap'], state)).toBe('checkpointCap');
  });
});

describe('target rows', () => {
  it('adds a jump in the widest piece, keeps rows sorted, and removing one keeps the levels to its right', () => {
    const rows = rowsFromTarget(PAPER_TARGET);
    // [0, 0.2] is the widest piece (1 - 0.8 rounds below 0.2): the new jump of size 1 goes to 0.1.
    expect(addJump(rows)).toBe(0);
    expect(targetFromRows(rows).positions).toEqual([0.1, 0.2, 0.35, 0.5, 0.65, 0.8]);
    expect(levels(targetFromRows(rows))).toEqual([1, 2, 6, 2, 4, 2, 6]);
    removeJump(rows, 2);
    expect(levels(targetFromRows(rows))).toEqual([1, 2, 6, 4, 2, 6]);
    rows.jumps[0].position = '0.7';
    sortJumps(rows);
    expect(rows.jumps.map((row) => row.position)).toEqual(['0.2', '0.5', '0.65', '0.7', '0.8']);
  });

  it('drags jumps between their neighbours and levels without moving the other levels', () => {
    const rows = rowsFromTarget(PAPER_TARGET);
    moveJump(rows, 1, 0.9);
    expect(rows.jumps[1].position).toBe('0.499');
    moveJump(rows, 0, 0.2734);
    expect(rows.jumps[0].position).toBe('0.273');
    setLevel(rows, 2, 2.5);
    expect(levels(targetFromRows(rows))).toEqual([1, 5, 2.5, 3, 1, 5]);
    setLevel(rows, 0, -0.3);
    expect(levels(targetFromRows(rows))).toEqual([-0.3, 5, 2.5, 3, 1, 5]);
  });
});

describe('random targets', () => {
  it('are reproducible from their seed, respect the spacing and the range, and refuse impossible settings', () => {
    const spec = { jumps: 8, minSpacing: 0.08, low: -2, high: 4, seed: 11 };
    const target = randomTarget(spec);
    expect(randomTarget(spec)).toEqual(target);
    expect(randomTarget({ ...spec, seed: 12 })).not.toEqual(target);
    expect(runConfigSchema.safeParse({ target }).success).toBe(true);
    const ends = [0, ...target.positions, 1];
    for (let k = 1; k < ends.length; k++) expect(ends[k] - ends[k - 1]).toBeGreaterThanOrEqual(0.08 - 1e-12);
    for (const level of levels(target)) {
      expect(level).toBeGreaterThanOrEqual(-2);
      expect(level).toBeLessThanOrEqual(4);
    }
    expect(randomTargetProblem({ ...spec, jumps: 12 })).toMatch(/cannot be 0.08 apart/);
    expect(randomTargetProblem({ ...spec, low: 4, high: -2 })).toMatch(/low < high/);
  });
});

describe('speed model', () => {
  it('is anchored on the SGD benchmark and grows with m and with the number of steps', () => {
    const sgd = (m: number) => parseRunConfig({ network: { m }, duration: { kind: 'steps', steps: 1e6 } });
    // bench/run.ts sgd: about 62 ns per step at m = 20 and 1.3 M steps/s at m = 10,000.
    expect(stepSeconds(sgd(20)) * 1e9).toBeGreaterThan(40);
    expect(stepSeconds(sgd(20)) * 1e9).toBeLessThan(90);
    expect(1 / stepSeconds(sgd(10_000))).toBeGreaterThan(0.9e6);
    expect(1 / stepSeconds(sgd(10_000))).toBeLessThan(1.8e6);
    expect(stepSeconds(sgd(40))).toBeGreaterThan(stepSeconds(sgd(20)));
    const long = parseRunConfig({ network: { m: 20 }, duration: { kind: 'steps', steps: 1e8 } });
    expect(estimateSeconds(long)).toBeGreaterThan(10 * estimateSeconds(sgd(20)));
    // Four equal runs on two workers take as long as two of them in a row.
    expect(estimateBatchSeconds([long, long, long, long], 2)).toBeCloseTo(2 * estimateSeconds(long), 9);
  });
});

describe('sweep axes', () => {
  const axis = (draft: Partial<AxisDraft>): AxisDraft => ({
    path: 'sgd.epsilon',
    mode: 'list',
    list: '',
    from: '',
    to: '',
    count: '3',
    ...draft,
  });

  it('reads lists, linear and log ranges, rounding whole-number fields', () => {
    expect(axisValues(axis({ list: '0.01, 0.1 1' }))).toEqual({ values: [0.01, 0.1, 1] });
    expect(axisValues(axis({ mode: 'linear', from: '0.1', to: '1', count: '3' }))).toEqual({ values: [0.1, 0.55, 1] });
    expect(axisValues(axis({ mode: 'log', from: '1e-3', to: '1e-1', count: '3' }))).toEqual({
      values: [0.001, 0.01, 0.1],
    });
    expect(axisValues(axis({ path: 'network.m', mode: 'log', from: '10', to: '100', count: '4' }))).toEqual({
      values: [10, 22, 46, 100],
    });
    expect(axisValues(axis({ mode: 'log', from: '0', to: '1' }))).toEqual({
      error: 'a log range needs both ends above 0',
    });
    expect(axisValues(axis({ list: '1, x' }))).toEqual({ error: 'every value must be a number' });
  });

  it('offers the numeric fields the configuration has', () => {
    const paths = (input: object) => sweepableFields(parseRunConfig(input)).map((field) => field.path);
    expect(paths({})).toContain('duration.tauMax');
    expect(paths({})).not.toContain('duration.steps');
    expect(paths({ duration: { kind: 'steps', steps: 10 } })).toContain('duration.steps');
    expect(paths({})).not.toContain('network.weights.scale');
  });
});
