/**
 * Following a submitted plan until every task and the merge job have ended: squeue every `pollMs`, a progress line on
 * a terminal, one line per change of a task's state otherwise.
 */
import type { ClusterPlan } from '#shared/cluster/plan';
import { SlurmError, squeue } from './slurm';
import { readSubmissions } from './submissions';
import { countStates, jobsToQuery, planStatus, slurmActive, type PlanStatus, type TaskState } from './taskStates';

export interface FollowOptions {
  pollMs: number;
  /** Where the progress goes (stderr of the command). */
  stream: NodeJS.WriteStream;
  /** Ends the following early (Ctrl-C); the jobs go on. */
  stop?: AbortSignal;
}

/** The current status of the plan in `folder`, asking Slurm. */
export function currentStatus(folder: string, plan: ClusterPlan): PlanStatus {
  const submissions = readSubmissions(folder, plan.sweepId);
  return planStatus(folder, plan, submissions, squeue(jobsToQuery(submissions)));
}

/** "3 done, 1 running, 0 pending, 0 failed of 4 tasks" */
export function describeCounts(status: PlanStatus): string {
  const counts = countStates(status.tasks);
  const parts = (['done', 'running', 'pending', 'failed', 'unsubmitted'] as const).filter(
    (state) => state !== 'unsubmitted' || counts[state] > 0,
  );
  return `${parts.map((state) => `${counts[state]} ${state}`).join(', ')} of ${status.tasks.length} tasks`;
}

function progressLine(status: PlanStatus, columns: number): string {
  const counts = countStates(status.tasks);
  const width = 24;
  const filled = Math.round(((counts.done + counts.failed) / status.tasks.length) * width);
  return (
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describeCounts(status)}`.slice(0, columns - 1) + '\x1b[K'
  );
}

const wait = (ms: number, stop?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      stop?.removeEventListener('abort', done);
      resolve();
    }
    stop?.addEventListener('abort', done);
  });

/** squeue failures in a row the follower rides out (a controller restarting, a busy login node) before giving up. */
const SQUEUE_RETRIES = 10;

/** Polls until nothing is pending or running (tasks and merge job); returns the last status. */
export async function followPlan(folder: string, plan: ClusterPlan, options: FollowOptions): Promise<PlanStatus> {
  const seen = new Map<number, TaskState>();
  let failures = 0;
  for (;;) {
    let status: PlanStatus;
    try {
      status = currentStatus(folder, plan);
      failures = 0;
    } catch (error) {
      if (!(error instanceof SlurmError) || ++failures > SQUEUE_RETRIES || options.stop?.aborted) throw error;
      options.stream.write(`${error.message}; asking again\n`);
      await wait(options.pollMs, options.stop);
      continue;
    }
    if (options.stream.isTTY) {
      options.stream.write(progressLine(status, options.stream.columns ?? 120));
    } else {
      for (const task of status.tasks) {
        if (seen.get(task.shard) === task.state) continue;
        seen.set(task.shard, task.state);
        options.stream.write(`task ${task.shard}: ${task.state}${task.reason ? ` (${task.reason})` : ''}\n`);
      }
    }
    const active =
      status.tasks.some((task) => task.state === 'pending' || task.state === 'running') ||
      slurmActive(status.merge?.state);
    if (!active || options.stop?.aborted) {
      if (options.stream.isTTY) options.stream.write('\r\x1b[K');
      return status;
    }
    await wait(options.pollMs, options.stop);
  }
}
