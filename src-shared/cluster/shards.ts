/**
 * Deterministic shards of a sweep. A sweep expands to an ordered list of points; point i has the key (sweep id, i)
 * and its run id is derived from that key alone, so the same point run anywhere (a cluster task, this machine, a
 * retry) is the same run, and merging its results twice adds it once.
 */
import { z } from 'zod';

/** Most points one cluster plan may hold. */
export const MAX_PLAN_POINTS = 100_000;

/** One shard of N: the points whose index is `index` modulo `count`. */
export interface Shard {
  /** k, from 0 to count - 1. */
  index: number;
  /** N, the number of shards the points are dealt into. */
  count: number;
}

/** The run id of point `pointIndex` of the sweep `sweepId`. */
export function pointRunId(sweepId: string, pointIndex: number): string {
  return `${sweepId}-p${pointIndex}`;
}

/** The point index a run id of `sweepId` stands for, or null when the id is not one of its points. */
export function pointIndexOf(sweepId: string, runId: string): number | null {
  const prefix = `${sweepId}-p`;
  if (!runId.startsWith(prefix)) return null;
  const digits = runId.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(digits) ? Number(digits) : null;
}

/** Indices of the points of `shard` among `points` points: k, k + N, k + 2N, ... */
export function shardPoints(points: number, shard: Shard): number[] {
  const indices: number[] = [];
  for (let i = shard.index; i < points; i += shard.count) indices.push(i);
  return indices;
}

/** `k/N` as the command line and the job scripts write it. */
export const shardSchema = z
  .string()
  .regex(/^(0|[1-9]\d*)\/[1-9]\d*$/, 'expected k/N with whole numbers, e.g. 3/16')
  .transform((text): Shard => {
    const [index, count] = text.split('/').map(Number);
    return { index, count };
  })
  .refine((shard) => shard.count <= MAX_PLAN_POINTS, `N must be at most ${MAX_PLAN_POINTS}`)
  .refine((shard) => shard.index < shard.count, 'k must be smaller than N (shards count from 0)');

/** File name of a shard's database in the plan folder's `shards/`. */
export function shardFileName(shard: Shard): string {
  return `shard-${shard.index}-of-${shard.count}.sqlite`;
}
