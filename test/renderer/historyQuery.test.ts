import { describe, expect, it } from 'vitest';
import type { SweepSummary } from '#shared/api/contract';
import { parseRoute, routeHash, type Route } from '../../src-renderer/src/composables/useRoute';
import { allTags, emptyFilter, historyRows, runMatcher, sortRuns } from '../../src-renderer/src/lib/historyQuery';
import { summary, summaries } from './historyRuns';

describe('sorting the history', () => {
  const runs = summaries(30);

  it('sorts numbers numerically and keeps runs without a value last in both directions', () => {
    const up = sortRuns(runs, { key: 'finalLoss', descending: false });
    const down = sortRuns(runs, { key: 'finalLoss', descending: true });
    const values = (list: typeof runs) => list.map((run) => run.finalLoss);
    const known = runs.filter((run) => run.finalLoss !== null).map((run) => run.finalLoss!);
    expect(values(up).slice(0, known.length)).toEqual([...known].sort((x, y) => x - y));
    expect(values(down).slice(0, known.length)).toEqual([...known].sort((x, y) => y - x));
    expect(
      values(up)
        .slice(known.length)
        .every((value) => value === null),
    ).toBe(true);
    expect(
      values(down)
        .slice(known.length)
        .every((value) => value === null),
    ).toBe(true);
  });

  it('sorts names naturally (run 2 before run 10) and stably', () => {
    expect(
      sortRuns([summary(10), summary(2), summary(1)], { key: 'name', descending: false }).map((run) => run.name),
    ).toEqual(['run 1', 'run 2', 'run 10']);
    const ties = sortRuns(runs, { key: 'epsilon', descending: false });
    const small = ties.filter((run) => run.epsilon === 1e-5).map((run) => run.seed);
    expect(small).toEqual([...small].sort((x, y) => x - y));
  });
});

describe('filtering the history', () => {
  const runs = summaries(60);
  const count = (patch: Partial<ReturnType<typeof emptyFilter>>, notes = new Map<string, string>()) =>
    runs.filter(runMatcher({ ...emptyFilter(), ...patch }, notes)).length;

  it('filters by status, trainer, tag, star and numeric conditions', () => {
    expect(count({})).toBe(60);
    expect(count({ statuses: ['failed'] })).toBe(12);
    expect(count({ statuses: ['failed', 'running'] })).toBe(24);
    expect(count({ trainers: ['limit'] })).toBe(9);
    expect(count({ tags: ['baseline'] })).toBe(6);
    expect(count({ starredOnly: true })).toBe(6);
    expect(count({ params: [{ key: 'epsilon', op: '=', value: 0.001 }] })).toBe(20);
    expect(
      count({
        params: [
          { key: 'm', op: '>=', value: 30 },
          { key: 'epsilon', op: '<=', value: 1e-3 },
        ],
      }),
    ).toBe(runs.filter((run) => run.m >= 30 && run.epsilon <= 1e-3).length);
    // A run without a final loss never passes a condition on it.
    expect(count({ params: [{ key: 'finalLoss', op: '>=', value: 0 }] })).toBe(48);
  });

  it('searches every word in names, tags and the notes known so far, ignoring case', () => {
    expect(count({ text: 'RUN 4' })).toBe(runs.filter((run) => run.name.includes('4')).length);
    expect(count({ text: 'baseline' })).toBe(6);
    expect(
      count(
        { text: 'kink near jump' },
        new Map([
          ['run-7', 'A kink near the second jump'],
          ['run-8', 'kink'],
        ]),
      ),
    ).toBe(1);
  });

  it('lists the tags in use', () => {
    expect(allTags([summary(1, { tags: ['b', 'a'] }), summary(2, { tags: ['a', 'c10', 'c2'] })])).toEqual([
      'a',
      'b',
      'c2',
      'c10',
    ]);
  });
});

describe('sweep groups in the table', () => {
  const sweeps = new Map([['s1', { id: 's1', name: 'eps sweep' } as SweepSummary]]);
  const runs = [
    summary(1),
    summary(2, { sweepId: 's1', status: 'done' }),
    summary(3),
    summary(4, { sweepId: 's1', status: 'done', finalLoss: 0.5, bestLoss: 0.4 }),
    summary(5, { sweepId: 's2' }),
  ];

  it('puts a group row where its first run sorts, with its runs after it only when expanded', () => {
    const closed = historyRows(runs, sweeps, new Set());
    expect(closed.map((row) => (row.kind === 'run' ? row.run.id : `[${row.name}]`))).toEqual([
      'run-1',
      '[eps sweep]',
      'run-3',
      '[sweep s2]',
    ]);
    const open = historyRows(runs, sweeps, new Set(['s1']));
    expect(open.map((row) => (row.kind === 'run' ? row.run.id : `[${row.name}]`))).toEqual([
      'run-1',
      '[eps sweep]',
      'run-2',
      'run-4',
      'run-3',
      '[sweep s2]',
    ]);
    const group = open[1];
    if (group.kind !== 'sweep') throw new Error('expected the group row');
    expect(group.runs).toHaveLength(2);
    // Run 2 is done with final 0.01 + 74/1000, run 4 is done with 0.5: median of the two.
    expect(group.medianLoss).toBeCloseTo((0.084 + 0.5) / 2, 12);
    expect(group.done).toBe(2);
  });
});

describe('history routes', () => {
  it('reads and writes the comparison and sweep screens', () => {
    expect(parseRoute('#/compare/a,b,c')).toEqual({ name: 'compare', runIds: ['a', 'b', 'c'] });
    expect(parseRoute('#/sweeps/s%201')).toEqual({ name: 'sweep', sweepId: 's 1' });
    const routes: Route[] = [
      { name: 'compare', runIds: ['x', 'y z'] },
      { name: 'sweep', sweepId: 'q/r' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
