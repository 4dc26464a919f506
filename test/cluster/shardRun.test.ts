/** `ttlab sweep run`: a shard's points on real trainer processes, resumable without duplicating a run. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { pointRunId, shardPoints } from '#shared/cluster/shards';
import { mergeInto } from '../../src-main/cluster/mergeFiles';
import { makePlan, writePlanFolder } from '../../src-main/cluster/planFolder';
import { runShard, type ShardRunOptions } from '../../src-main/cluster/shardRun';
import { readShardReport } from '../../src-main/cluster/shardReport';
import { shardFiles } from '../../src-main/cluster/shardFiles';
import { openStore } from '../../src-main/store';
import { testFolder, tinySweep } from './helpers';

const root = testFolder('ttlab-shard-');
const folder = join(root, 'plan');
const plan = makePlan(tinySweep(3), { tasks: 2 });
const shard = { index: 1, count: 2 };
const options: ShardRunOptions = { workers: 2, publishEveryMs: 60_000 };
// The node-local disk of this test: the working copies go here.
process.env.TMPDIR = join(root, 'node-local');
const files = shardFiles(folder, plan.sweepId, shard);

beforeAll(() => {
  writePlanFolder(folder, plan, '/opt/lab/bin/ttlab.mjs');
});

const statuses = (file: string) =>
  new Database(file, { readonly: true }).prepare('SELECT id, status FROM runs ORDER BY id').all() as Array<{
    id: string;
    status: string;
  }>;

describe('a shard', () => {
  it("runs its points under their point's run id, works on node-local disk and publishes a copy with a report", async () => {
    const outcome = await runShard(folder, plan, shard, options);
    const expected = shardPoints(plan.points.length, shard);
    expect(expected).toEqual([1, 3, 5, 7]);
    expect(outcome).toMatchObject({ started: 4, skipped: 0 });
    expect(files.working.startsWith(join(root, 'node-local'))).toBe(true);
    // Complete: the working copy on node-local disk is gone, the published copy has a rollback journal.
    expect(existsSync(files.working)).toBe(false);
    const published = statuses(files.published);
    expect(published.map((run) => run.id)).toEqual(expected.map((i) => pointRunId(plan.sweepId, i)).sort());
    expect(published.every((run) => run.status === 'done')).toBe(true);
    expect(new Database(files.published, { readonly: true }).pragma('journal_mode', { simple: true })).toBe('delete');
    expect(readShardReport(files.report)).toMatchObject({
      sweepId: plan.sweepId,
      shard,
      points: 4,
      complete: 4,
      missing: [],
      ended: true,
    });
  });

  it('skips the points that have their result when run again', async () => {
    const outcome = await runShard(folder, plan, shard, options);
    expect(outcome).toMatchObject({ started: 0, skipped: 4 });
    expect(statuses(files.published)).toHaveLength(4);
  });

  it('runs again, under the same id, a point whose run did not end well, and only that one', async () => {
    // A task that stopped early: its last published copy has a point interrupted and one never created.
    const store = openStore(files.published, { journal: 'rollback' });
    const before = store.getRun(pointRunId(plan.sweepId, 7));
    store.deleteRuns([pointRunId(plan.sweepId, 5)]);
    store.close();
    const db = new Database(files.published);
    db.prepare("UPDATE runs SET status = 'interrupted' WHERE id = ?").run(pointRunId(plan.sweepId, 3));
    db.close();

    const outcome = await runShard(folder, plan, shard, options);
    expect(outcome).toMatchObject({ started: 2, skipped: 2 });
    const published = statuses(files.published);
    expect(published).toHaveLength(4);
    expect(published.every((run) => run.status === 'done')).toBe(true);
    const after = openStore(files.published, { readonly: true });
    expect(after.getRun(pointRunId(plan.sweepId, 7)).createdAt).toBe(before.createdAt);
    after.close();
  });

  it('stopped midway (SIGTERM at the time limit), publishes what it has, keeps its working copy and resumes from it', async () => {
    const stop = new AbortController();
    const other = { index: 0, count: 2 };
    const stopped = await runShard(folder, plan, other, {
      ...options,
      workers: 1,
      stop: stop.signal,
      onRunEnd: (ended) => ended === 1 && stop.abort(),
    });
    expect(stopped.report).toMatchObject({ points: 5, complete: 1, ended: true });
    expect(stopped.report.missing).toHaveLength(4);
    expect(statuses(stopped.files.published).filter((run) => run.status === 'interrupted')).toHaveLength(4);
    expect(existsSync(shardFiles(folder, plan.sweepId, other).working)).toBe(true);
    const resumed = await runShard(folder, plan, other, options);
    expect(resumed.report).toMatchObject({ complete: 5, missing: [] });
    expect(existsSync(shardFiles(folder, plan.sweepId, other).working)).toBe(false);
  });

  it('gives every point to one shard: the two shards together hold the whole sweep once', async () => {
    await runShard(folder, plan, { index: 0, count: 2 }, options);
    const ids = [0, 1].flatMap((index) =>
      statuses(shardFiles(folder, plan.sweepId, { index, count: 2 }).published).map((run) => run.id),
    );
    expect(ids.sort()).toEqual(plan.points.map((_, i) => pointRunId(plan.sweepId, i)).sort());
    // Merged, they are one sweep again, with every point.
    const lab = join(root, 'lab.sqlite');
    mergeInto(
      lab,
      [0, 1].map((index) => shardFiles(folder, plan.sweepId, { index, count: 2 }).published),
    );
    const store = openStore(lab, { readonly: true });
    expect(store.listSweeps()).toMatchObject([{ id: plan.sweepId, runCount: 9, doneCount: 9 }]);
    store.close();
  });
});
