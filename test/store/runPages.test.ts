/** listRuns in pages: newest first, each page after the last run of the one before, every run exactly once. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunSummary } from '#shared/api/contract';
import { NotFoundError } from '#shared/base/errors';
import { openStore, type RunStore } from '../../src-main/store/index';
import { smallConfig } from './fixtures';

afterEach(() => {
  vi.useRealTimers();
});

/**
 * `count` runs named r0, r1, ... created `perMillisecond` at a time within one millisecond, so that pages must also
 * split runs whose creation times are equal.
 */
function storeWithRuns(count: number, perMillisecond: number): RunStore {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2025, 5, 1));
  const store = openStore(':memory:');
  for (let i = 0; i < count; i++) {
    if (i % perMillisecond === 0) vi.advanceTimersByTime(1);
    store.createRun({ config: smallConfig({ seed: i }), name: `r${i}` });
  }
  return store;
}

/** Every page of `limit` runs, each asked for after the last run of the one before, until a short page. */
function readPages(store: RunStore, limit: number): RunSummary[][] {
  const pages = [store.listRuns({ limit })];
  while (pages[pages.length - 1].length === limit)
    pages.push(store.listRuns({ limit, before: pages[pages.length - 1][limit - 1].id }));
  return pages;
}

const names = (runs: readonly RunSummary[]) => runs.map((run) => run.name);

describe('listRuns in pages', () => {
  it('lists every run newest first, later runs of the same millisecond first', () => {
    const store = storeWithRuns(10, 3);
    expect(names(store.listRuns())).toEqual(['r9', 'r8', 'r7', 'r6', 'r5', 'r4', 'r3', 'r2', 'r1', 'r0']);
    expect(names(store.listRuns({ limit: 4 }))).toEqual(['r9', 'r8', 'r7', 'r6']);
  });

  it.each([
    [1, 1],
    [7, 3],
    [10, 10],
    [11, 4],
  ])(
    'pages of %i over 53 runs (%i per millisecond) hold each run once, in the order of the whole list',
    (limit, perMillisecond) => {
      const store = storeWithRuns(53, perMillisecond);
      const whole = store.listRuns();
      const pages = readPages(store, limit);
      expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
      expect(pages[pages.length - 1].length).toBeLessThan(limit);
      const joined = pages.flat();
      expect(joined).toEqual(whole);
      expect(new Set(joined.map((run) => run.id)).size).toBe(53);
    },
  );

  it('keeps later pages where they were when runs are created or deleted between pages', () => {
    const store = storeWithRuns(30, 2);
    const whole = store.listRuns();
    const first = store.listRuns({ limit: 10 });
    store.createRun({ config: smallConfig(), name: 'newer' });
    store.deleteRuns([whole[15].id]);
    const rest = store.listRuns({ before: first[9].id });
    expect([...first, ...rest]).toEqual(whole.filter((run) => run.id !== whole[15].id));
  });

  it('answers an empty page after the oldest run', () => {
    const store = storeWithRuns(5, 1);
    const oldest = store.listRuns().at(-1)!;
    expect(store.listRuns({ limit: 3, before: oldest.id })).toEqual([]);
  });

  it('refuses a cursor that is not a run, naming the field', () => {
    const store = storeWithRuns(3, 1);
    expect(() => store.listRuns({ before: 'no-such-run' })).toThrow(NotFoundError);
    expect(() => store.listRuns({ before: 'no-such-run' })).toThrow('before: run no-such-run not found');
  });
});
