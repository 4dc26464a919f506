import { describe, expect, it } from 'vitest';
import { Mt19937, Xoshiro256, createRng, drawInto, type Rng } from '#shared/rng';

const MASK = (1n << 64n) - 1n;

/** xoshiro256+ with 64-bit BigInts, seeded by splitmix64, straight from Blackman and Vigna's reference C code. */
function referenceDoubles(seed: number, count: number): number[] {
  let x = BigInt(seed);
  const s = Array.from({ length: 4 }, () => {
    x = (x + 0x9e3779b97f4a7c15n) & MASK;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
    return z ^ (z >> 31n);
  });
  const rotl = (v: bigint, k: bigint) => ((v << k) | (v >> (64n - k))) & MASK;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = (s[0] + s[3]) & MASK;
    const t = (s[1] << 17n) & MASK;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    out.push(Number(result >> 11n) / 2 ** 53);
  }
  return out;
}

describe('Xoshiro256', () => {
  it('matches the 64-bit reference for several seeds', () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1]) {
      const rng = new Xoshiro256(seed);
      expect(Array.from({ length: 3000 }, () => rng.next())).toEqual(referenceDoubles(seed, 3000));
    }
  });

  it('fill gives the same stream as next, and doubles lie in [0, 1)', () => {
    const one = new Xoshiro256(9);
    const bulk = new Xoshiro256(9);
    const out = new Float64Array(1000);
    bulk.fill(out, 1000);
    expect(Array.from(out)).toEqual(Array.from(out, () => one.next()));
    expect(out.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('resumes from a saved state and refuses an all-zero one', () => {
    const rng = new Xoshiro256(5);
    rng.next();
    const state = rng.save();
    const expected = [rng.next(), rng.next()];
    const other = new Xoshiro256(6);
    other.load(state);
    expect([other.next(), other.next()]).toEqual(expected);
    expect(() => other.load(new Uint32Array(8))).toThrow(/all zero/);
  });
});

describe('createRng and drawInto', () => {
  it('creates the generator the configuration names', () => {
    expect(createRng('numpy', 42).next()).toBe(0.3745401188473625);
    expect(createRng('fast', 42).next()).toBe(referenceDoubles(42, 1)[0]);
  });

  it('draws in bulk from any Rng, including one without fill', () => {
    const plain: Rng = (() => {
      const inner = new Mt19937(3);
      return { next: () => inner.next(), save: () => inner.save(), load: (s) => inner.load(s) };
    })();
    const out = new Float64Array(10);
    drawInto(plain, out, 10);
    const expected = new Mt19937(3);
    expect(Array.from(out)).toEqual(Array.from(out, () => expected.next()));
  });
});
