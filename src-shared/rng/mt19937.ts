/**
 * MT19937 exactly as numpy's legacy generator (`np.random.seed(s)`, `np.random.random_sample()`): init_genrand(seed),
 * then each double takes two tempered words, ((w1 >>> 5) * 2^26 + (w2 >>> 6)) / 2^53.
 */
import type { Rng } from './types';

/** N: words of state; M: the twist's middle offset. */
const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/** MT19937's output transformation of one state word (the result is a signed 32-bit pattern). */
function temper(word: number): number {
  let y = word ^ (word >>> 11);
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  return y ^ (y >>> 18);
}

/** One word of the twist: the top bit of `upper` and the low 31 bits of `lower`, shifted and mixed into `far`. */
function twisted(upper: number, lower: number, far: number): number {
  const y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
  return far ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}

export class Mt19937 implements Rng {
  /** mt[i]: the 624 untempered words of the current block, as signed 32-bit patterns (bit operations need no conversion). */
  private readonly mt = new Int32Array(N);
  /** index: next word of `mt` to temper and hand out (N once the block is used up). */
  private index = N;
  /** single[0]: the draw of next(), which takes the same path as a block. */
  private readonly single = new Float64Array(1);

  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed | 0;
    for (let i = 1; i < N; i++) {
      const previous = mt[i - 1];
      mt[i] = Math.imul(1812433253, previous ^ (previous >>> 30)) + i;
    }
  }

  next(): number {
    this.fill(this.single, 1);
    return this.single[0];
  }

  /** Writes `count` doubles to out[0..count), the same as `count` calls of next(); the hot loops draw through it. */
  fill(out: Float64Array, count: number): void {
    const mt = this.mt;
    let i = this.index;
    let k = 0;
    while (k < count) {
      if (i >= N) i = this.twist();
      if ((i & 1) === 0) {
        // whole pairs left in the block (N is even): no block checks inside
        const end = Math.min(count, k + ((N - i) >> 1));
        for (; k < end; k++, i += 2)
          out[k] = ((temper(mt[i]) >>> 5) * TWO_POW_26 + (temper(mt[i + 1]) >>> 6)) * TWO_POW_MINUS_53;
      } else {
        // after an odd number of words (a state saved elsewhere): a double straddles two blocks
        const high = temper(mt[i++]) >>> 5;
        if (i >= N) i = this.twist();
        out[k++] = (high * TWO_POW_26 + (temper(mt[i++]) >>> 6)) * TWO_POW_MINUS_53;
      }
    }
    this.index = i;
  }

  /** The 624 words then the index (numpy's `get_state()` key and pos). */
  save(): Uint32Array {
    const state = new Uint32Array(N + 1);
    state.set(this.mt);
    state[N] = this.index;
    return state;
  }

  load(state: Uint32Array): void {
    if (state.length !== N + 1 || state[N] > N)
      throw new Error(`an MT19937 state has ${N + 1} words and an index <= ${N}`);
    this.mt.set(state.subarray(0, N));
    this.index = state[N];
  }

  /** Generates the next block of 624 words in place; returns the index to read from, 0. */
  private twist(): number {
    const mt = this.mt;
    // next: mt[k + 1] as read before it is overwritten, carried to the next word
    let next = mt[0];
    let k = 0;
    for (; k < N - M; k++) {
      const upper = next;
      next = mt[k + 1];
      mt[k] = twisted(upper, next, mt[k + M]);
    }
    for (; k < N - 1; k++) {
      const upper = next;
      next = mt[k + 1];
      mt[k] = twisted(upper, next, mt[k + M - N]);
    }
    mt[N - 1] = twisted(next, mt[0], mt[M - 1]);
    return 0;
  }
}
