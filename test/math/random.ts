/** A small seeded generator for test configurations (mulberry32), so failing cases replay. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Unsorted positions with the awkward cases: a near-duplicate, neurons straddling 0 and 1, neurons outside [0, 1]. */
export function awkwardPositions(random: () => number, m: number, eta: number): Float64Array {
  const u = new Float64Array(m);
  for (let j = 0; j < m; j++) u[j] = -0.1 + 1.2 * random();
  u[0] = u[1] + 0.3 * eta;
  u[2] = -eta / 4;
  u[3] = 1 + eta / 5;
  u[4] = -0.3;
  u[5] = 1.4;
  return u;
}

export function randomWeights(random: () => number, m: number): Float64Array {
  const a = new Float64Array(m + 1);
  for (let j = 0; j <= m; j++) a[j] = 4 * random() - 2;
  return a;
}
