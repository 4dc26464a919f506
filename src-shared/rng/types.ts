/** A seeded source of uniform numbers. Every trainer receives one; nothing in the lab calls Math.random. */
export interface Rng {
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** The complete generator state, for snapshots (structured-clonable). */
  save(): Uint32Array;
  /** Restores a state returned by `save()`. */
  load(state: Uint32Array): void;
}

export type RngKind = 'numpy' | 'fast';
