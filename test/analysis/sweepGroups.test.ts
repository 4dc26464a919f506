import { describe, expect, it } from 'vitest';
import type { RunDetail } from '#shared/api/contract';
import { groupRuns, levelOf, levelsLabel, sweepFactors } from '#shared/analysis/sweepGroups';
import { parseSweepSpec } from '#shared/config/schema';
import { expandSweep } from '#shared/config/sweep';

const spec = parseSweepSpec({
  base: {},
  variants: [
    { label: 'standard', set: { 'sgd.epsilon': 1 } },
    { label: 'two-timescale', set: { 'sgd.epsilon': 2e-5 } },
  ],
  axes: [{ path: 'network.m', values: [10, 20, 40] }],
  seeds: [0, 1],
});
const runs = expandSweep(spec).map((run) => ({ config: run.config }) as RunDetail);

describe('sweep groups', () => {
  it('lists the variant and every axis as factors, levels in the sweep order', () => {
    expect(sweepFactors(spec)).toEqual([
      { name: 'variant', levels: ['standard', 'two-timescale'] },
      { name: 'network.m', levels: ['10', '20', '40'] },
    ]);
  });

  it('reads back each run level from its configuration', () => {
    expect(levelOf(spec, 'variant', runs[0])).toBe('standard');
    expect(levelOf(spec, 'variant', runs[11])).toBe('two-timescale');
    expect(levelOf(spec, 'network.m', runs[2])).toBe('20');
  });

  it('groups the runs of every combination of levels, seeds pooled', () => {
    const groups = groupRuns(spec, runs, sweepFactors(spec));
    expect(groups.map((group) => group.levels.join('/'))).toEqual([
      'standard/10',
      'standard/20',
      'standard/40',
      'two-timescale/10',
      'two-timescale/20',
      'two-timescale/40',
    ]);
    expect(groups.every((group) => group.runs.length === 2)).toBe(true);
    expect(groupRuns(spec, [], sweepFactors(spec).slice(1)).map((group) => group.runs.length)).toEqual([0, 0, 0]);
    expect(levelsLabel(sweepFactors(spec), ['standard', '20'])).toBe('standard, network.m=20');
  });
});
