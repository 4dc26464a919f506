/** Speed of the exact population loss (docs/MODEL.md section 4): targets 10 us at m = 20 and 1 ms at m = 1000. */
import { PAPER_TARGET } from '#shared/config/schema';
import { Population } from '#shared/math/population';

/** Positions spread over [0, 1] with a deterministic jitter, weights of the target's size. */
function configuration(m: number): { a: Float64Array; u: Float64Array } {
  const u = new Float64Array(m);
  const a = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) u[j] = (j + 0.5 + 0.4 * Math.sin(7.1 * j)) / m;
  for (let j = 0; j <= m; j++) a[j] = 2 * Math.cos(3.3 * j);
  return { a, u };
}

/** Median over `rounds` of the mean time of one call in a round of `calls` calls, in microseconds. */
function medianMicroseconds(call: () => number, rounds: number, calls: number): number {
  let sink = 0;
  for (let i = 0; i < calls; i++) sink += call();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink += call();
    times.push(((performance.now() - start) * 1000) / calls);
  }
  if (Number.isNaN(sink)) throw new Error('the loss is NaN');
  times.sort((x, y) => x - y);
  return times[Math.floor(rounds / 2)];
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const eta = 4e-3;
  const results = [];
  for (const [m, calls, target] of [
    [20, 2000, '<= 10 us'],
    [1000, 50, '<= 1000 us'],
  ] as const) {
    const population = new Population(PAPER_TARGET, eta, m);
    const { a, u } = configuration(m);
    const gradA = new Float64Array(m + 1);
    const gradU = new Float64Array(m);
    results.push({
      name: `population loss, m = ${m}`,
      value: medianMicroseconds(() => population.loss(a, u), 31, calls),
      unit: 'us',
      target,
    });
    results.push({
      name: `population loss + gradient, m = ${m}`,
      value: medianMicroseconds(() => population.gradient(a, u, gradA, gradU), 31, calls),
      unit: 'us',
    });
  }
  return results;
}
