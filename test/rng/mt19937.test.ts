import { describe, expect, it } from 'vitest';
import { Mt19937 } from '#shared/rng';

/** MT19937 written straight from Matsumoto and Nishimura's mt19937ar.c (init_genrand, genrand_int32), one word at a time. */
function referenceWords(seed: number, count: number): number[] {
  const mt: number[] = [seed >>> 0];
  for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
  let index = 624;
  const words: number[] = [];
  while (words.length < count) {
    if (index === 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = (mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) === 1 ? 0x9908b0df : 0)) >>> 0;
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    words.push(y >>> 0);
  }
  return words;
}

/** numpy's random_sample: ((a >> 5) * 67108864 + (b >> 6)) / 9007199254740992 from two consecutive words. */
function referenceDoubles(seed: number, count: number): number[] {
  const words = referenceWords(seed, 2 * count);
  return Array.from(
    { length: count },
    (_, i) => ((words[2 * i] >>> 5) * 67108864 + (words[2 * i + 1] >>> 6)) / 9007199254740992,
  );
}

describe('Mt19937', () => {
  it('gives numpy.random.seed(42) random_sample values', () => {
    const rng = new Mt19937(42);
    expect([rng.next(), rng.next(), rng.next()]).toEqual([0.3745401188473625, 0.9507143064099162, 0.7319939418114051]);
    for (let i = 3; i < 1000; i++) rng.next();
    // numpy 2.4: np.random.seed(42); np.random.random_sample(2000)[1000]
    expect(rng.next()).toBe(0.18513292883861965);
  });

  it('matches the reference algorithm across several 624-word refills', () => {
    for (const seed of [42, 0, 1, 2 ** 32 - 1, 123456789]) {
      const expected = referenceDoubles(seed, 2000);
      const rng = new Mt19937(seed);
      const actual = Array.from({ length: 2000 }, () => rng.next());
      expect(actual[1000]).toBe(expected[1000]);
      expect(actual).toEqual(expected);
    }
  });

  it('fill gives the same stream as next, across block boundaries', () => {
    const one = new Mt19937(7);
    const bulk = new Mt19937(7);
    const out = new Float64Array(700);
    const filled: number[] = [];
    for (const count of [1, 311, 312, 5, 700, 0, 3]) {
      bulk.fill(out, count);
      filled.push(...out.subarray(0, count));
    }
    expect(filled).toEqual(filled.map(() => one.next()));
  });

  it('resumes from a saved state', () => {
    const rng = new Mt19937(2026);
    for (let i = 0; i < 500; i++) rng.next();
    const state = rng.save();
    const expected = Array.from({ length: 800 }, () => rng.next());
    const other = new Mt19937(1);
    other.load(state);
    expect(Array.from({ length: 800 }, () => other.next())).toEqual(expected);
    expect(() => other.load(new Uint32Array(3))).toThrow(/625 words/);
  });

  it('continues from a state at an odd word (numpy after one 32-bit draw), doubles straddling a refill', () => {
    const words = referenceWords(99, 4000);
    for (const skipped of [1, 623, 625, 1247]) {
      // draw into the block holding word `skipped`, then point the saved index at that word
      const rng = new Mt19937(99);
      rng.fill(new Float64Array(400), Math.floor(skipped / 624) * 312 + 1);
      const state = rng.save();
      state[624] = skipped % 624;
      rng.load(state);
      const out = new Float64Array(700);
      rng.fill(out, 700);
      const expected = Array.from(
        { length: 700 },
        (_, i) => ((words[skipped + 2 * i] >>> 5) * 67108864 + (words[skipped + 2 * i + 1] >>> 6)) / 9007199254740992,
      );
      expect(Array.from(out)).toEqual(expected);
    }
  });
});
