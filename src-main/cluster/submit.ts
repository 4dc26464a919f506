/**
 * Submitting a plan's tasks: one `sbatch --parsable` per array (task ids stay below MaxArraySize), then the merge
 * job with --dependency=afterany on them. jobs.json records each accepted job at once, so a refusal halfway loses none.
 */
import { join } from 'node:path';
import { arrayChunks, arraySpec, type ClusterPlan } from '#shared/cluster/plan';
import { sbatch } from './slurm';
import { writeSubmissions, type SubmissionRound, type Submissions } from './submissions';

/** Submits the tasks running `shards` and a merge job after them; returns the round as recorded in jobs.json. */
export function submitShards(
  folder: string,
  plan: ClusterPlan,
  shards: readonly number[],
  submissions: Submissions,
): SubmissionRound {
  const round: SubmissionRound = { submittedAt: new Date().toISOString(), arrays: [], mergeJobId: null };
  submissions.rounds.push(round);
  for (const chunk of arrayChunks(shards, plan.slurm.maxArraySize)) {
    const args = [
      `--array=${arraySpec(chunk, plan.slurm.maxParallel)}`,
      `--export=ALL,TTLAB_TASK_OFFSET=${chunk.offset}`,
      join(folder, 'job.sbatch'),
    ];
    round.arrays.push({ jobId: sbatch(args), offset: chunk.offset, shards: chunk.shards });
    writeSubmissions(folder, submissions);
  }
  const after = round.arrays.map((array) => array.jobId).join(':');
  round.mergeJobId = sbatch([`--dependency=afterany:${after}`, join(folder, 'merge.sbatch')]);
  writeSubmissions(folder, submissions);
  return round;
}
