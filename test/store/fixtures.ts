/** Data of the store tests (free of vitest, so the writer child process can use it too). */
import { parseRunConfig, type RunConfig } from '#shared/config/schema';
import type { RunCheckpoint } from '#shared/run/types';

export function smallConfig(overrides: Record<string, unknown> = {}): RunConfig {
  return parseRunConfig({ network: { m: 4 }, duration: { kind: 'steps', steps: 1000 }, ...overrides });
}

/** Checkpoint i of a synthetic run with m neurons: values depend on i and j so misplaced data shows. */
export function checkpoint(i: number, m: number, loss = 1 / (i + 1)): RunCheckpoint {
  const a = new Float64Array(m + 1);
  const u = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    a[j] = i * 1e-3 + j;
    u[j] = (j + 0.5) / m + i * 1e-9;
  }
  a[m] = -i;
  return { step: i * 10, tau: i * 1e-4, loss, limitLoss: null, covered: i % 6, a, u };
}

export function checkpoints(first: number, count: number, m: number): RunCheckpoint[] {
  return Array.from({ length: count }, (_, k) => checkpoint(first + k, m));
}
