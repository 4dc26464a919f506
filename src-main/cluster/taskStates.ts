/**
 * What became of each task of a plan, from Slurm's view (squeue) and from the reports the shards published: Slurm
 * forgets ended jobs after a while, and a job that Slurm calls COMPLETED may still have left points without a result.
 */
import type { ClusterPlan } from '#shared/cluster/plan';
import { readShardReport } from './shardReport';
import { shardFiles } from './shardFiles';
import type { Submissions } from './submissions';

export type TaskState = 'unsubmitted' | 'pending' | 'running' | 'done' | 'failed';

export interface TaskStatus {
  shard: number;
  state: TaskState;
  /** Points of the shard with their result, as its last report says. */
  complete: number;
  points: number;
  /** Slurm's job id of the task's latest submission (`ARRAY_TASK`), when it was submitted. */
  job: string | null;
  /** Why a task counts as failed, in a few words. */
  reason: string | null;
}

export interface PlanStatus {
  tasks: TaskStatus[];
  /** Slurm's state of the latest merge job, or null when there is none or Slurm forgot it. */
  merge: { job: string; state: string | null } | null;
}

const PENDING = new Set([
  'PENDING',
  'CONFIGURING',
  'REQUEUED',
  'REQUEUE_HOLD',
  'REQUEUE_FED',
  'RESV_DEL_HOLD',
  'SPECIAL_EXIT',
]);
const RUNNING = new Set(['RUNNING', 'COMPLETING', 'SUSPENDED', 'STOPPED', 'SIGNALING', 'STAGE_OUT', 'RESIZING']);

/** Whether Slurm's state means the job has not ended. */
export const slurmActive = (state: string | null | undefined): boolean =>
  state !== null && state !== undefined && (PENDING.has(state) || RUNNING.has(state));

/** The latest submission of each shard: its array job and task id. */
function latestJobs(submissions: Submissions): Map<number, string> {
  const jobs = new Map<number, string>();
  for (const round of submissions.rounds) {
    for (const array of round.arrays)
      for (const shard of array.shards) jobs.set(shard, `${array.jobId}_${shard - array.offset}`);
  }
  return jobs;
}

/** Job ids to ask squeue about: every array and merge job of the latest submission of anything. */
export function jobsToQuery(submissions: Submissions): string[] {
  const ids = new Set<string>();
  for (const job of latestJobs(submissions).values()) ids.add(job.split('_')[0]);
  const merge = submissions.rounds.at(-1)?.mergeJobId;
  if (merge) ids.add(merge);
  return [...ids];
}

/** Each task's state in the plan at `folder`, given Slurm's states (see squeue). */
export function planStatus(
  folder: string,
  plan: ClusterPlan,
  submissions: Submissions,
  slurmStates: Map<string, string>,
): PlanStatus {
  const jobs = latestJobs(submissions);
  const count = plan.slurm.tasks;
  const tasks = Array.from({ length: count }, (_, shard): TaskStatus => {
    const report = readShardReport(shardFiles(folder, plan.sweepId, { index: shard, count }).report);
    const valid =
      report !== null &&
      report.sweepId === plan.sweepId &&
      report.shard.index === shard &&
      report.shard.count === count;
    const points = Math.ceil((plan.points.length - shard) / count);
    const complete = valid ? report.complete : 0;
    const finished = valid && report.ended && report.complete === report.points;
    const job = jobs.get(shard) ?? null;
    const slurm = job === null ? undefined : slurmStates.get(job);
    const status = (state: TaskState, reason: string | null = null): TaskStatus => ({
      shard,
      state,
      complete,
      points,
      job,
      reason,
    });
    if (slurm !== undefined && PENDING.has(slurm)) return status('pending');
    if (slurm !== undefined && RUNNING.has(slurm)) return status('running');
    if (finished) return status('done');
    if (job === null) return status('unsubmitted');
    if (slurm === undefined)
      return status(
        'failed',
        valid
          ? `${points - complete} points missing; Slurm no longer knows the job`
          : 'never started, or left no results',
      );
    if (slurm === 'COMPLETED') return status('failed', `ended with ${points - complete} points missing`);
    return status('failed', `${slurm.toLowerCase()}, ${points - complete} points missing`);
  });
  const mergeJob = submissions.rounds.at(-1)?.mergeJobId ?? null;
  return { tasks, merge: mergeJob === null ? null : { job: mergeJob, state: slurmStates.get(mergeJob) ?? null } };
}

/** How many tasks are in each state. */
export function countStates(tasks: readonly TaskStatus[]): Record<TaskState, number> {
  const counts: Record<TaskState, number> = { unsubmitted: 0, pending: 0, running: 0, done: 0, failed: 0 };
  for (const task of tasks) counts[task.state]++;
  return counts;
}
