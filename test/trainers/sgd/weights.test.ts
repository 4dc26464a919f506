import { describe, expect, it } from 'vitest';
import { Xoshiro256 } from '../../../src-shared/rng';
import { PrefixWeights } from '../../../src-shared/trainers/sgd/weights';

describe('PrefixWeights', () => {
  it('matches a plain array under random prefix sums, range changes and rebuilds', () => {
    const rng = new Xoshiro256(1);
    for (const n of [1, 2, 3, 7, 8, 64, 100, 1000]) {
      const plain = Float64Array.from({ length: n }, () => rng.next() - 0.5);
      const weights = new PrefixWeights(n);
      weights.set(plain);
      for (let round = 0; round < 300; round++) {
        // a random change of the differences on [lo, lo + count), applied to the plain weights as a_k = sum_{i >= k} delta_i
        const lo = Math.floor(rng.next() * n);
        const count = Math.floor(rng.next() * Math.min(n - lo, 50)) + (round % 7 === 0 ? 0 : 1);
        const usable = Math.min(count, n - lo);
        for (let q = 0; q < usable; q++) weights.change[q] = rng.next() - 0.5;
        for (let k = 0; k < lo + usable; k++) {
          let add = 0;
          for (let i = Math.max(k, lo); i < lo + usable; i++) add += weights.change[i - lo];
          plain[k] += add;
        }
        weights.addChanges(lo, usable);
        if (round % 97 === 0) weights.rebuild();
        const K = Math.floor(rng.next() * (n + 1));
        let sum = 0;
        for (let k = 0; k < K; k++) sum += plain[k];
        expect(weights.sumBelow(K)).toBeCloseTo(sum, 9);
        expect(weights.lastWeight).toBeCloseTo(K < n ? plain[K] : 0, 10);
      }
      const read = new Float64Array(n);
      weights.get(read);
      for (let k = 0; k < n; k++) expect(read[k]).toBeCloseTo(plain[k], 10);
    }
  });

  it('adding c to every weight below K changes one difference', () => {
    const weights = new PrefixWeights(10);
    weights.set(new Float64Array(10));
    weights.change[0] = 2.5;
    weights.addChanges(3, 1);
    const read = new Float64Array(10);
    weights.get(read);
    expect(Array.from(read)).toEqual([2.5, 2.5, 2.5, 2.5, 0, 0, 0, 0, 0, 0]);
    expect(weights.sumBelow(10)).toBe(10);
    expect(weights.sumBelow(2)).toBe(5);
    expect(weights.lastWeight).toBe(2.5);
  });
});
