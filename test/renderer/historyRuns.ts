/** Made-up run summaries for the history tests: values follow from the index, so expectations can be computed. */
import type { RunStatus, RunSummary } from '#shared/api/contract';

const statuses: RunStatus[] = ['done', 'done', 'failed', 'running', 'cancelled'];

export function summary(i: number, overrides: Partial<RunSummary> = {}): RunSummary {
  const finished = i % 5 !== 3;
  return {
    id: `run-${i}`,
    name: `run ${i}`,
    status: statuses[i % 5],
    trainer: i % 7 === 0 ? 'limit' : 'sgd',
    m: 10 + (i % 4) * 10,
    eta: 4e-3,
    h: 1e-5,
    epsilon: [1e-5, 1e-3, 0.1][i % 3],
    seed: i,
    steps: 100,
    totalSteps: 100,
    finalLoss: finished ? 0.01 + ((i * 37) % 101) / 1000 : null,
    bestLoss: finished ? 0.005 + ((i * 37) % 101) / 2000 : null,
    limitFinalLoss: null,
    coveredJumps: finished ? i % 6 : null,
    totalJumps: 5,
    durationMs: finished ? 1000 + i : null,
    createdAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    finishedAt: null,
    tags: i % 10 === 0 ? ['baseline'] : [],
    starred: i % 11 === 0,
    sweepId: null,
    error: null,
    ...overrides,
  };
}

export const summaries = (n: number): RunSummary[] => Array.from({ length: n }, (_, i) => summary(i));
