/**
 * xoshiro256+ (Blackman and Vigna), the lab's fast generator: four 64-bit words seeded by splitmix64(seed), each double
 * the top 53 bits of s0 + s3. JavaScript has no 64-bit integers, so every word is kept as two 32-bit halves.
 */
import type { Rng } from './types';

const MASK_64 = (1n << 64n) - 1n;
const TWO_POW_21 = 2097152;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/** The four words of splitmix64 started at `seed`, the seeding its authors recommend. */
function splitmix64(seed: number): bigint[] {
  let x = BigInt(seed);
  const words: bigint[] = [];
  for (let i = 0; i < 4; i++) {
    x = (x + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    words.push(z ^ (z >> 31n));
  }
  return words;
}

export class Xoshiro256 implements Rng {
  /** s[2i], s[2i+1]: high and low halves of word i of the state. */
  private readonly s = new Int32Array(8);
  /** single[0]: the draw of next(), which takes the same path as a block. */
  private readonly single = new Float64Array(1);

  constructor(seed: number) {
    splitmix64(seed).forEach((word, i) => {
      this.s[2 * i] = Number(word >> 32n) | 0;
      this.s[2 * i + 1] = Number(word & 0xffffffffn) | 0;
    });
  }

  next(): number {
    this.fill(this.single, 1);
    return this.single[0];
  }

  /** Writes `count` doubles to out[0..count), the same as `count` calls of next(); the hot loops draw through it. */
  fill(out: Float64Array, count: number): void {
    const s = this.s;
    // word i of the state is (hi_i, lo_i), kept in locals for the whole block
    let hi0 = s[0],
      lo0 = s[1],
      hi1 = s[2],
      lo1 = s[3],
      hi2 = s[4],
      lo2 = s[5],
      hi3 = s[6],
      lo3 = s[7];
    for (let k = 0; k < count; k++) {
      // result = s0 + s3, carrying from the low halves
      const low = (lo0 + lo3) | 0;
      const high = (hi0 + hi3 + (low >>> 0 < lo0 >>> 0 ? 1 : 0)) >>> 0;
      out[k] = (high * TWO_POW_21 + (low >>> 11)) * TWO_POW_MINUS_53;
      // t = s1 << 17; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45)
      const tHi = (hi1 << 17) | (lo1 >>> 15),
        tLo = lo1 << 17;
      hi2 ^= hi0;
      lo2 ^= lo0;
      hi3 ^= hi1;
      lo3 ^= lo1;
      hi1 ^= hi2;
      lo1 ^= lo2;
      hi0 ^= hi3;
      lo0 ^= lo3;
      hi2 ^= tHi;
      lo2 ^= tLo;
      const rotatedHi = (lo3 << 13) | (hi3 >>> 19);
      lo3 = (hi3 << 13) | (lo3 >>> 19);
      hi3 = rotatedHi;
    }
    s[0] = hi0;
    s[1] = lo0;
    s[2] = hi1;
    s[3] = lo1;
    s[4] = hi2;
    s[5] = lo2;
    s[6] = hi3;
    s[7] = lo3;
  }

  /** The eight 32-bit halves, high half first. */
  save(): Uint32Array {
    return new Uint32Array(this.s);
  }

  load(state: Uint32Array): void {
    if (state.length !== 8) throw new Error('a xoshiro256 state has 8 words');
    if (state.every((word) => word === 0)) throw new Error('a xoshiro256 state cannot be all zero');
    this.s.set(state);
  }
}
