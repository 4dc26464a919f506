/**
 * `ttlab sweep run DIR --shard k/N`: runs the shard's points on a pool of trainer processes into the shard's own
 * database. Resumable: a point whose run has its result in that database is skipped, and a point whose run did not
 * end well is run again under the same id, so re-running a shard never duplicates a run.
 */
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { finishedStatuses } from '#shared/api/contract';
import { errorMessage } from '#shared/base/errors';
import type { ClusterPlan } from '#shared/cluster/plan';
import { pointRunId, shardPoints, type Shard } from '#shared/cluster/shards';
import { totalSteps } from '#shared/config/schema';
import { forkTrainer, type SpawnTrainer } from '../pool/forkTrainer';
import { TrainerPool } from '../pool/trainerPool';
import { createEventHub } from '../service/eventHub';
import { LiveRuns } from '../service/liveRuns';
import { openStore, type RunStore } from '../store';
import { prepareWorkingCopy, publishShard, shardFiles, type ShardFiles } from './shardFiles';
import type { ShardReport } from './shardReport';

/** Statuses that are a point's result; any other leaves the point to run again. */
export const RESULT_STATUSES: ReadonlySet<string> = new Set(['done', 'diverged']);

export interface ShardRunOptions {
  /** Trainer processes at once. */
  workers: number;
  /** The published database, instead of `DIR/shards/shard-k-of-N.sqlite`. */
  database?: string;
  /** Time between two copies of the working database to its published place. */
  publishEveryMs: number;
  spawn?: SpawnTrainer;
  /** Called when a run ends: how many of the runs started this time have ended, of how many. */
  onRunEnd?: (ended: number, total: number) => void;
  /** Ends the shard early (SIGTERM from Slurm at the time limit): live runs end interrupted, the copy is published. */
  stop?: AbortSignal;
  /** Told about a periodic copy that failed (the run goes on); console.error when not given. */
  onWarning?: (message: string) => void;
}

export interface ShardOutcome {
  files: ShardFiles;
  report: ShardReport;
  /** Points skipped because their result was stored already. */
  skipped: number;
  /** Runs started this time. */
  started: number;
}

/** The shard's report from what its database holds now. */
function reportOf(store: RunStore, plan: ClusterPlan, shard: Shard, ended: boolean): ShardReport {
  const status = new Map(store.getSweep(plan.sweepId).runs.map((run) => [run.id, run.status]));
  const indices = shardPoints(plan.points.length, shard);
  const missing = indices.filter((i) => !RESULT_STATUSES.has(status.get(pointRunId(plan.sweepId, i)) ?? ''));
  return {
    sweepId: plan.sweepId,
    shard,
    points: indices.length,
    complete: indices.length - missing.length,
    missing,
    ended,
    updatedAt: new Date().toISOString(),
    host: hostname(),
  };
}

/**
 * Creates the plan's sweep unless the database has it (the same row in every shard: fixed id and creation time, so
 * that merges join every shard's runs to one sweep), and returns the runs it holds.
 */
function ensureSweep(store: RunStore, plan: ClusterPlan): Map<string, string> {
  if (!store.listSweeps().some((sweep) => sweep.id === plan.sweepId))
    store.createSweep(plan.spec.name, plan.spec, plan.sweepId, plan.createdAt);
  return new Map(store.getSweep(plan.sweepId).runs.map((run) => [run.id, run.status]));
}

/** Resolves once every id in `runIds` has reported a finished status on `hub`. */
function allEnded(
  hub: ReturnType<typeof createEventHub>,
  runIds: readonly string[],
  onRunEnd?: (ended: number, total: number) => void,
) {
  const waiting = new Set(runIds);
  let stop = () => {};
  const ended = new Promise<void>((resolve) => {
    const check = () => {
      if (waiting.size > 0) return;
      stop();
      resolve();
    };
    stop = hub.on('run:status', ({ runId, status }) => {
      if (!finishedStatuses.includes(status) || !waiting.delete(runId)) return;
      onRunEnd?.(runIds.length - waiting.size, runIds.length);
      check();
    });
    check();
  });
  return ended;
}

export async function runShard(
  folder: string,
  plan: ClusterPlan,
  shard: Shard,
  options: ShardRunOptions,
): Promise<ShardOutcome> {
  const files = shardFiles(folder, plan.sweepId, shard, options.database);
  prepareWorkingCopy(files);
  const store = openStore(files.working, { journal: 'rollback' });
  let complete = false;
  try {
    const stored = ensureSweep(store, plan);
    const todo = shardPoints(plan.points.length, shard).filter(
      (i) => !RESULT_STATUSES.has(stored.get(pointRunId(plan.sweepId, i)) ?? ''),
    );
    // Runs that ended without a result go, so that the point runs again under the same id.
    store.deleteRuns(todo.map((i) => pointRunId(plan.sweepId, i)).filter((id) => stored.has(id)));
    const hub = createEventHub();
    const live = new LiveRuns(
      store,
      new TrainerPool({ spawn: options.spawn ?? forkTrainer(), size: options.workers }),
      hub,
    );
    const runIds = todo.map((i) => pointRunId(plan.sweepId, i));
    const ended = allEnded(hub, runIds, options.onRunEnd);
    const publish = () => {
      try {
        publishShard(store, files, reportOf(store, plan, shard, false));
      } catch (error) {
        // A copy that failed (a network file system's hiccup) leaves the last one in place; the next try may succeed.
        (options.onWarning ?? console.error)(`could not copy the shard to ${files.published}: ${errorMessage(error)}`);
      }
    };
    const timer = setInterval(publish, options.publishEveryMs);
    const stop = () => void live.close();
    options.stop?.addEventListener('abort', stop);
    try {
      todo.forEach((pointIndex, k) => {
        if (options.stop?.aborted) return;
        const { label, params, config } = plan.points[pointIndex];
        store.createRun({ id: runIds[k], config, name: label, sweepId: plan.sweepId, params });
        live.submit(runIds[k], config, totalSteps(config));
      });
      if (!options.stop?.aborted) await ended;
    } finally {
      clearInterval(timer);
      options.stop?.removeEventListener('abort', stop);
      await live.close();
    }
    const report = reportOf(store, plan, shard, true);
    publishShard(store, files, report);
    complete = report.complete === report.points;
    return {
      files,
      report,
      skipped: shardPoints(plan.points.length, shard).length - todo.length,
      started: todo.length,
    };
  } finally {
    store.close();
    // A complete shard needs its working copy no more; an incomplete one keeps it to resume on this node.
    if (complete) rmSync(files.working, { force: true });
  }
}
