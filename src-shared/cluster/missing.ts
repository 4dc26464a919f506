/**
 * The points of a sweep still without a result: for a sweep run on a cluster and merged in part, the dashboard says
 * which points are missing (their task is still running, failed, or its shard is not merged yet).
 */
import type { SweepSpec } from '../config/schema';
import { expandSweep, sweepSize } from '../config/sweep';
import { pointIndexOf } from './shards';

/** Statuses that are a point's result. */
const RESULT_STATUSES: ReadonlySet<string> = new Set(['done', 'diverged']);
/** Most missing points named one by one; the rest are counted. */
export const NAMED_MISSING_POINTS = 20;

export interface MissingPoints {
  /** Points the sweep expands to. */
  total: number;
  /** How many of them have no run with a result. */
  count: number;
  /** The first NAMED_MISSING_POINTS of them, by index, with their labels. */
  named: Array<{ index: number; label: string }>;
}

/**
 * The missing points of the sweep `sweepId` whose runs are `runs`, or null when it is not a sweep of points (its runs
 * do not carry point run ids: a sweep started in the app, whose runs all exist from the start).
 */
export function missingPoints(
  sweepId: string,
  spec: SweepSpec,
  runs: ReadonlyArray<{ id: string; status: string }>,
): MissingPoints | null {
  const indices = runs.map((run) => pointIndexOf(sweepId, run.id));
  if (runs.length > 0 && indices.every((index) => index === null)) return null;
  const total = sweepSize(spec);
  const present = new Set<number>();
  runs.forEach((run, i) => {
    const index = indices[i];
    if (index !== null && RESULT_STATUSES.has(run.status)) present.add(index);
  });
  const missing: number[] = [];
  for (let index = 0; index < total; index++) if (!present.has(index)) missing.push(index);
  if (missing.length === 0) return { total, count: 0, named: [] };
  const first = missing.slice(0, NAMED_MISSING_POINTS);
  const points = expandSweep(spec);
  return { total, count: missing.length, named: first.map((index) => ({ index, label: points[index].label })) };
}
