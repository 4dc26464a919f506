/**
 * A shard's report beside its database: which of its points have their result. `ttlab sweep status` reads these
 * small files instead of opening every shard database, and believes none of them before validating it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MAX_PLAN_POINTS } from '#shared/cluster/shards';

const pointIndex = z.number().int().min(0).max(MAX_PLAN_POINTS);

export const shardReportSchema = z.strictObject({
  sweepId: z.string().max(100),
  shard: z.strictObject({ index: pointIndex, count: z.number().int().min(1).max(MAX_PLAN_POINTS) }),
  /** How many points the shard holds. */
  points: pointIndex,
  /** Points whose run ended done or diverged: their result is in the shard's database. */
  complete: pointIndex,
  /** Points without a result, by index (runs that failed, were interrupted, or have not run yet). */
  missing: z.array(pointIndex).max(MAX_PLAN_POINTS),
  /** Whether the task that wrote it had ended (false: a copy taken while it ran). */
  ended: z.boolean(),
  updatedAt: z.iso.datetime(),
  host: z.string().max(300),
});
export type ShardReport = z.output<typeof shardReportSchema>;

/** The report at `file`, or null when it is missing or not a valid report (the shard then counts as not done). */
export function readShardReport(file: string): ShardReport | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  if (text.length > 16 * 1024 * 1024) return null;
  try {
    const result = shardReportSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
