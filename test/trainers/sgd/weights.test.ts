import { describe, expect, it } from 'vitest';
import { Xoshiro256 } from '#shared/rng';
import { PrefixWeights } from '#shared/trainers/sgd/weights';

describe('PrefixWeights', () => {
  it('matches a plain array under random outputs, SGD updates, swaps and rebuilds', () => {
    const rng = new Xoshiro256(1);
    for (const n of [1, 2, 3, 7, 8, 64, 100, 1000]) {
      const plain = Float64Array.from({ length: n }, () => rng.next() - 0.5);
      const weights = new PrefixWeights(n);
      weights.set(plain);
      const s = new Float64Array(n);
      const read = new Float64Array(n);
      for (let round = 0; round < 300; round++) {
        // w_k = 1 below K, s[q] at rank K + q for q < count, 0 beyond, as at a sample with `count` neurons in transition
        const K = Math.floor(rng.next() * (n + 1));
        const count = Math.min(Math.floor(rng.next() * 50), n - K);
        for (let q = 0; q < count; q++) s[q] = rng.next();
        const w = (k: number) => (k < K ? 1 : k < K + count ? s[k - K] : 0);
        let sum = 0;
        for (let k = 0; k < n; k++) sum += plain[k] * w(k);
        expect(weights.output(K, s, count, read)).toBeCloseTo(sum, 9);
        for (let q = 0; q < count; q++) expect(read[q]).toBeCloseTo(plain[K + q], 10);
        const c = rng.next() - 0.5;
        weights.addScaled(c, K, s, count);
        for (let k = 0; k < n; k++) plain[k] += c * w(k);
        if (n > 1 && round % 5 === 0) {
          const k = Math.floor(rng.next() * (n - 1));
          weights.swap(k);
          [plain[k], plain[k + 1]] = [plain[k + 1], plain[k]];
        }
        if (round % 97 === 0) weights.rebuild();
      }
      weights.get(read);
      for (let k = 0; k < n; k++) expect(read[k]).toBeCloseTo(plain[k], 10);
    }
  });

  it('adding c to every weight below K changes one difference', () => {
    const weights = new PrefixWeights(10);
    weights.set(new Float64Array(10));
    const none = new Float64Array(0);
    weights.addScaled(2.5, 4, none, 0);
    const read = new Float64Array(10);
    weights.get(read);
    expect(Array.from(read)).toEqual([2.5, 2.5, 2.5, 2.5, 0, 0, 0, 0, 0, 0]);
    expect(weights.output(10, none, 0, none)).toBe(10);
    expect(weights.output(2, Float64Array.of(0), 1, read)).toBe(5);
    expect(read[0]).toBe(2.5);
  });

  it('saves and loads its differences and tree, rounding and all', () => {
    const rng = new Xoshiro256(2);
    const weights = new PrefixWeights(50);
    weights.set(Float64Array.from({ length: 50 }, () => rng.next()));
    const s = Float64Array.from({ length: 5 }, () => rng.next());
    for (let round = 0; round < 100; round++) weights.addScaled(rng.next() - 0.5, 20 + (round % 10), s, 5);
    const copy = new PrefixWeights(50);
    copy.load(structuredClone(weights.save()));
    expect(copy.save()).toEqual(weights.save());
    const out = new Float64Array(5);
    const copied = new Float64Array(5);
    expect(copy.output(23, s, 5, copied)).toBe(weights.output(23, s, 5, out));
    expect(copied).toEqual(out);
  });
});
