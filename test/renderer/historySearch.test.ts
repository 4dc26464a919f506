/** The history's search matches a run by the name of its sweep, and knows which sweeps its matches sit in. */
import { describe, expect, it } from 'vitest';
import type { SweepSummary } from '#shared/api/contract';
import { emptyFilter, historyRows, runMatcher, sweepsOf } from '../../src-renderer/src/lib/historyQuery';
import { summaries } from './historyRuns';

const runs = summaries(6).map((run, i) => ({ ...run, sweepId: i < 3 ? 's1' : null }));
const sweeps = new Map([
  [
    's1',
    {
      id: 's1',
      name: 'varying epsilon',
      createdAt: '2026-12-01T10:00:00.000Z',
      runCount: 3,
      doneCount: 3,
    } as SweepSummary,
  ],
]);

describe('history search', () => {
  it("finds the runs of a sweep by the sweep's name", () => {
    const found = runs.filter(runMatcher({ ...emptyFilter(), text: 'varying EPSILON' }, new Map(), sweeps));
    expect(found.map((run) => run.sweepId)).toEqual(['s1', 's1', 's1']);
  });

  it('names the sweeps its matches sit in, and none for runs outside sweeps', () => {
    expect(sweepsOf(runs.slice(1, 2))).toEqual(new Set(['s1']));
    expect(sweepsOf(runs.slice(4))).toEqual(new Set());
  });

  it("gives a sweep row the sweep's creation date", () => {
    const [group] = historyRows(runs, sweeps, new Set());
    expect(group).toMatchObject({ kind: 'sweep', createdAt: '2026-12-01T10:00:00.000Z' });
  });
});
