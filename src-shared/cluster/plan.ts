/**
 * A cluster plan: a sweep expanded once, with a fixed id, dealt into the tasks of a Slurm job array. It is written as
 * `sweep.json` in the plan folder and read back by every task, so it is validated on both sides with these schemas.
 */
import { z } from 'zod';
import { runConfigSchema, sweepSpecSchema } from '../config/schema';
import { MAX_PLAN_POINTS } from './shards';

export const PLAN_FORMAT = 1;
/** Slurm's default MaxArraySize: array task ids run from 0 to this minus 1. */
export const DEFAULT_MAX_ARRAY_SIZE = 1001;

const whole = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** What the job scripts ask Slurm for. */
export const slurmOptionsSchema = z.strictObject({
  /** Array tasks (shards) the points are dealt into. */
  tasks: whole(1, MAX_PLAN_POINTS),
  /** CPUs per task; a task runs this many trainer processes at once. */
  cpusPerTask: whole(1, 1024).default(1),
  /** Most tasks running at once (`--array=...%P`); unset: as many as Slurm allows. */
  maxParallel: whole(1, MAX_PLAN_POINTS).optional(),
  partition: z
    .string()
    .regex(/^[A-Za-z0-9_.,-]{1,100}$/, 'expected a partition name like "compute" (letters, digits, _ . , -)')
    .optional(),
  /** Wall-time limit of one task. */
  time: z
    .string()
    .regex(/^(\d{1,3}-)?\d{1,3}:[0-5]\d:[0-5]\d$/, 'expected HH:MM:SS or D-HH:MM:SS, e.g. 02:00:00')
    .optional(),
  /** Memory per node, Slurm's syntax. */
  mem: z
    .string()
    .regex(/^[1-9]\d{0,8}[KMGT]?$/, 'expected a size like 4G or 500M')
    .optional(),
  /** The cluster's MaxArraySize: more tasks than this are split into several arrays. */
  maxArraySize: whole(1, 4_000_001).default(DEFAULT_MAX_ARRAY_SIZE),
});
export type SlurmOptions = z.output<typeof slurmOptionsSchema>;
export type SlurmOptionsInput = z.input<typeof slurmOptionsSchema>;

/** One point of the expanded sweep; its index is its position in the plan's list. */
export const planPointSchema = z.strictObject({
  label: z.string().max(2000),
  params: z.record(z.string().max(200), z.union([z.number(), z.string().max(200), z.boolean()])),
  config: runConfigSchema,
});
export type PlanPoint = z.output<typeof planPointSchema>;

export const clusterPlanSchema = z
  .strictObject({
    format: z.literal(PLAN_FORMAT, `must be ${PLAN_FORMAT} (this plan was written by another version of the lab)`),
    /** Fixed when the plan is made: every task and every merge uses it. */
    sweepId: z.uuid('must be a UUID'),
    createdAt: z.iso.datetime('must be an ISO date'),
    spec: sweepSpecSchema,
    points: z
      .array(planPointSchema)
      .min(1, 'needs at least one point')
      .max(MAX_PLAN_POINTS, `at most ${MAX_PLAN_POINTS} points`),
    slurm: slurmOptionsSchema,
  })
  .refine((plan) => plan.slurm.tasks <= plan.points.length, {
    path: ['slurm', 'tasks'],
    message: 'cannot exceed the number of points',
  });
export type ClusterPlan = z.output<typeof clusterPlanSchema>;

/** The Slurm arrays of a plan: task ids above MaxArraySize - 1 go to further arrays, each shifted by `offset`. */
export interface ArrayChunk {
  /** Shard number = array task id + offset. */
  offset: number;
  /** The shards of this array, ascending. */
  shards: number[];
}

/** Groups shard numbers into arrays whose task ids stay below `maxArraySize`. */
export function arrayChunks(shards: readonly number[], maxArraySize: number): ArrayChunk[] {
  const chunks = new Map<number, number[]>();
  for (const shard of [...shards].sort((x, y) => x - y)) {
    const offset = Math.floor(shard / maxArraySize) * maxArraySize;
    const members = chunks.get(offset);
    if (members) members.push(shard);
    else chunks.set(offset, [shard]);
  }
  return [...chunks].map(([offset, members]) => ({ offset, shards: members }));
}

/** Slurm's `--array` value for a chunk: ranges of task ids, with `%P` when at most P may run at once. */
export function arraySpec(chunk: ArrayChunk, maxParallel?: number): string {
  const ids = chunk.shards.map((shard) => shard - chunk.offset);
  const ranges: string[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j] + 1) j++;
    ranges.push(i === j ? `${ids[i]}` : `${ids[i]}-${ids[j]}`);
    i = j + 1;
  }
  return ranges.join(',') + (maxParallel === undefined ? '' : `%${maxParallel}`);
}
