/** `ttlab sweep submit DIR [--retry]` and `ttlab sweep status DIR`: the plan's tasks on Slurm, followed and merged. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { ClusterPlan } from '#shared/cluster/plan';
import { followPlan, currentStatus, describeCounts } from '../cluster/follow';
import { databaseFiles, describeMerge, mergeInto } from '../cluster/mergeFiles';
import { readPlan } from '../cluster/planFolder';
import { SlurmError } from '../cluster/slurm';
import { submitShards } from '../cluster/submit';
import { readSubmissions } from '../cluster/submissions';
import type { PlanStatus } from '../cluster/taskStates';
import { UsageError } from '#shared/base/errors';
import { asUsage, parseCommandLine, positiveFlag, validateFlags } from './flagSchema';
import { jsonText } from './jsonOutput';

/** Reads the plan of the folder given as the one positional argument. */
function planOf(positionals: string[], usage: string): { folder: string; plan: ClusterPlan } {
  if (positionals.length === 0) throw new UsageError(`give the plan folder: ${usage}`);
  const folder = resolve(positionals[0]);
  return { folder, plan: asUsage(() => readPlan(folder)) };
}

/** Slurm's refusal is shown as Slurm said it (exit code 1: nothing wrong with the command line). */
function slurmFailure(error: unknown): number {
  if (!(error instanceof SlurmError)) throw error;
  process.stderr.write(`ttlab: ${error.message}\n`);
  return 1;
}

function printTasks(status: PlanStatus): void {
  for (const task of status.tasks) {
    const job = task.job ? ` job ${task.job}` : '';
    process.stdout.write(
      `task ${task.shard}: ${task.state.padEnd(11)} ${task.complete}/${task.points} points${job}${task.reason ? `, ${task.reason}` : ''}\n`,
    );
  }
  if (status.merge)
    process.stdout.write(
      `merge job ${status.merge.job}: ${status.merge.state?.toLowerCase() ?? 'ended (Slurm no longer lists it)'}\n`,
    );
}

const submitFlags = z.object({
  retry: z.boolean().optional(),
  wait: z.boolean().default(true),
  poll: positiveFlag(3600).default(10),
  into: z.string().min(1).optional(),
});

export async function submitCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    args,
    {
      retry: { type: 'boolean' },
      'no-wait': { type: 'boolean' },
      poll: { type: 'string' },
      into: { type: 'string' },
    },
    1,
  );
  const flags = validateFlags(submitFlags, {
    retry: values.retry,
    wait: !values['no-wait'],
    poll: values.poll,
    into: values.into,
  });
  const { folder, plan } = planOf(positionals, 'ttlab sweep submit DIR [--retry]');
  const submissions = asUsage(() => readSubmissions(folder, plan.sweepId));
  try {
    let shards: number[];
    if (!flags.retry) {
      if (submissions.rounds.length > 0)
        throw new UsageError(
          `${folder} was submitted already; see \`ttlab sweep status ${folder}\`, or resubmit what failed with --retry`,
        );
      shards = Array.from({ length: plan.slurm.tasks }, (_, shard) => shard);
    } else {
      const status = currentStatus(folder, plan);
      shards = status.tasks
        .filter((task) => task.state === 'failed' || task.state === 'unsubmitted')
        .map((task) => task.shard);
      if (shards.length === 0) {
        process.stdout.write(`nothing to resubmit: ${describeCounts(status)}\n`);
        return 0;
      }
    }
    const round = submitShards(folder, plan, shards, submissions);
    process.stdout.write(
      `submitted ${shards.length} tasks as job ${round.arrays.map((array) => array.jobId).join(', ')}, merge job ${round.mergeJobId}\n`,
    );
    if (!flags.wait) return 0;
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    let status: PlanStatus;
    try {
      status = await followPlan(folder, plan, { pollMs: flags.poll * 1000, stream: process.stderr, stop: stop.signal });
    } finally {
      process.off('SIGINT', onSignal);
    }
    if (stop.signal.aborted) {
      process.stdout.write(`stopped following; the jobs go on: ${describeCounts(status)}\n`);
      return 1;
    }
    return finish(folder, status, flags.into);
  } catch (error) {
    return slurmFailure(error);
  }
}

/** Merges what the tasks left (idempotent: the merge job may have merged it already) and says what is left to do. */
function finish(folder: string, status: PlanStatus, into: string | undefined): number {
  const target = resolve(into ?? join(folder, 'merged.sqlite'));
  const shards = join(folder, 'shards');
  const files = existsSync(shards) ? databaseFiles([shards]) : [];
  if (files.length > 0)
    process.stdout.write(
      `merged ${files.length} shards into ${target}: ${describeMerge(mergeInto(target, files, into ? 'wal' : 'rollback'))}\n`,
    );
  process.stdout.write(`${describeCounts(status)}\n`);
  const failed = status.tasks.filter((task) => task.state !== 'done');
  if (failed.length === 0) return 0;
  for (const task of failed)
    process.stdout.write(`task ${task.shard}: ${task.state}${task.reason ? `, ${task.reason}` : ''}\n`);
  process.stdout.write(`resubmit them with: ttlab sweep submit ${folder} --retry\n`);
  return 1;
}

export async function statusCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' } }, 1);
  const { folder, plan } = planOf(positionals, 'ttlab sweep status DIR');
  try {
    const status = asUsage(() => currentStatus(folder, plan));
    if (values.json) {
      process.stdout.write(jsonText(status));
    } else {
      printTasks(status);
      process.stdout.write(`${describeCounts(status)}\n`);
    }
    return 0;
  } catch (error) {
    return slurmFailure(error);
  }
}
