/**
 * A plan folder: `sweep.json` (the expanded sweep with its fixed id), `job.sbatch`, `merge.sbatch`, `README.txt`,
 * and the `shards/` and `logs/` folders the tasks write to. Every file appears whole (write then rename).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { errorMessage } from '#shared/base/errors';
import { clusterPlanSchema, type ClusterPlan, type SlurmOptionsInput } from '#shared/cluster/plan';
import { MAX_PLAN_POINTS } from '#shared/cluster/shards';
import { describeZodError, ValidationError, type SweepSpec } from '#shared/config/schema';
import { expandSweep, sweepSize } from '#shared/config/sweep';
import { writeFileAtomically } from './atomicFile';
import { jobScript, mergeScript, readmeText, unsafePathProblem, type PlanPlace } from './scripts';

export const PLAN_FILE = 'sweep.json';
/** Most bytes of sweep.json a task reads (100,000 points of a few kB each). */
const MAX_PLAN_BYTES = 512 * 1024 * 1024;

/** A plan is refused with the field and the reason, like every boundary of the lab. */
function parsePlan(input: unknown, source: string): ClusterPlan {
  const result = clusterPlanSchema.safeParse(input);
  if (!result.success) {
    const problem = describeZodError(result.error);
    throw new ValidationError(`${source}: ${problem.message}`, problem.field);
  }
  return result.data;
}

/** Expands `spec` into a plan of `slurm.tasks` tasks with a new sweep id; ValidationError names what does not fit. */
export function makePlan(spec: SweepSpec, slurm: SlurmOptionsInput, sweepId: string = randomUUID()): ClusterPlan {
  const size = sweepSize(spec);
  if (size > MAX_PLAN_POINTS)
    throw new ValidationError(
      `sweep: expands to ${size} points, more than the ${MAX_PLAN_POINTS} a plan may hold`,
      'sweep',
    );
  if (slurm.tasks > size)
    throw new ValidationError(
      `tasks: ${slurm.tasks} tasks for ${size} points would leave tasks without work; use at most ${size}`,
      'tasks',
    );
  const points = expandSweep(spec).map(({ label, params, config }) => ({ label, params, config }));
  return parsePlan({ format: 1, sweepId, createdAt: new Date().toISOString(), spec, points, slurm }, 'plan');
}

/** Writes the plan folder `folder` for the install whose `bin/ttlab.mjs` is `entry`; refuses a folder holding a plan. */
export function writePlanFolder(folder: string, plan: ClusterPlan, entry: string): PlanPlace {
  const place: PlanPlace = { folder: resolve(folder), entry: resolve(entry) };
  for (const [field, path] of [
    ['out', place.folder],
    ['install', place.entry],
  ] as const) {
    const problem = unsafePathProblem(path);
    if (problem) throw new ValidationError(`${field}: ${problem}`, field);
  }
  if (existsSync(join(place.folder, PLAN_FILE))) {
    throw new ValidationError(
      `out: ${place.folder} holds a plan already; choose a new folder (its shards belong to that plan)`,
      'out',
    );
  }
  for (const sub of ['shards', 'logs']) mkdirSync(join(place.folder, sub), { recursive: true });
  writeFileAtomically(join(place.folder, 'job.sbatch'), jobScript(plan, place));
  writeFileAtomically(join(place.folder, 'merge.sbatch'), mergeScript(plan, place));
  writeFileAtomically(join(place.folder, 'README.txt'), readmeText(plan, place));
  // sweep.json last: a folder with a plan file is a complete plan.
  writeFileAtomically(join(place.folder, PLAN_FILE), `${JSON.stringify(plan, null, 1)}\n`);
  return place;
}

/** Reads and validates `folder/sweep.json`; ValidationError names the file and the field. */
export function readPlan(folder: string): ClusterPlan {
  const file = join(resolve(folder), PLAN_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError(
      `${file}: cannot read the plan (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}); is ${folder} a plan folder made by \`ttlab sweep plan\`?`,
      'plan',
    );
  }
  if (text.length > MAX_PLAN_BYTES) throw new ValidationError(`${file}: larger than a plan may be`, 'plan');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON (${errorMessage(error)})`, 'plan');
  }
  return parsePlan(json, file);
}
