/** `jobs.json` in the plan folder: every submission of the plan's tasks, so status and retry know which job ran what. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '#shared/base/errors';
import { MAX_PLAN_POINTS } from '#shared/cluster/shards';
import { describeZodError, ValidationError } from '#shared/config/schema';
import { writeFileAtomically } from './atomicFile';

const jobId = z.string().regex(/^\d{1,20}$/, 'must be a Slurm job id');

const roundSchema = z.strictObject({
  submittedAt: z.iso.datetime(),
  /** Each array: its job id, and the shards it runs (array task id = shard - offset). */
  arrays: z.array(
    z.strictObject({
      jobId,
      offset: z.number().int().min(0),
      shards: z.array(z.number().int().min(0).max(MAX_PLAN_POINTS)),
    }),
  ),
  /** The merge job submitted after these arrays, once they were all accepted. */
  mergeJobId: jobId.nullable(),
});
export type SubmissionRound = z.output<typeof roundSchema>;

const submissionsSchema = z.strictObject({ sweepId: z.string().max(100), rounds: z.array(roundSchema).max(10_000) });
export type Submissions = z.output<typeof submissionsSchema>;

const file = (folder: string) => join(folder, 'jobs.json');

/** The plan's submissions; none when nothing was submitted. A damaged file is refused (ValidationError naming the field). */
export function readSubmissions(folder: string, sweepId: string): Submissions {
  let text: string;
  try {
    text = readFileSync(file(folder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sweepId, rounds: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file(folder)}: not valid JSON (${errorMessage(error)})`, 'jobs');
  }
  const result = submissionsSchema.safeParse(json);
  if (!result.success) {
    const problem = describeZodError(result.error);
    throw new ValidationError(`${file(folder)}: ${problem.message}`, problem.field);
  }
  if (result.data.sweepId !== sweepId)
    throw new ValidationError(
      `${file(folder)} belongs to sweep ${result.data.sweepId}, not to this plan's ${sweepId}`,
      'sweepId',
    );
  return result.data;
}

export function writeSubmissions(folder: string, submissions: Submissions): void {
  writeFileAtomically(file(folder), `${JSON.stringify(submissions, null, 1)}\n`);
}
