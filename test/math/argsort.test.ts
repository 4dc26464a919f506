import { describe, expect, it } from 'vitest';
import { ArgSort } from '#shared/math/argsort';
import { seeded } from './random';

function expectSorted(sorter: ArgSort, keys: Float64Array): void {
  const order = Array.from(sorter.order);
  expect([...order].sort((x, y) => x - y)).toEqual(Array.from(keys, (_, i) => i));
  for (let p = 1; p < order.length; p++) expect(keys[order[p]]).toBeGreaterThanOrEqual(keys[order[p - 1]]);
}

describe('ArgSort', () => {
  it('sorts random keys (merge sort) and repairs nearly sorted ones (insertion sort)', () => {
    const random = seeded(11);
    for (const n of [0, 1, 2, 7, 100, 1001]) {
      const keys = Float64Array.from({ length: n }, () => random());
      const sorter = new ArgSort(n);
      sorter.update(keys);
      expectSorted(sorter, keys);
      // A few neurons cross their neighbours.
      for (let swap = 0; swap + 1 < n && swap < 10; swap++) keys[(swap * 3) % n] += 0.01 * (random() - 0.5);
      sorter.update(keys);
      expectSorted(sorter, keys);
    }
  });
});
