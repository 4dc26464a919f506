/**
 * Where a shard keeps its database. Cluster file systems (NFS, Lustre) are hostile to SQLite's WAL, so a shard works
 * on a copy on node-local disk ($TMPDIR when set) with a rollback journal, and publishes that copy to the plan folder
 * whole (VACUUM INTO a staging file, then rename): a reader of the plan folder never sees a half-written database.
 */
import { rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { shardFileName, type Shard } from '#shared/cluster/shards';
import type { RunStore } from '../store';
import { copyFileAtomically, replaceAtomically, writeFileAtomically } from './atomicFile';
import type { ShardReport } from './shardReport';

export interface ShardFiles {
  /** The database the plan folder holds (or --db): what merges read, replaced whole at each publish. */
  published: string;
  /** The working copy on node-local disk. */
  working: string;
  /** The shard's report (see shardReport.ts), published with the database. */
  report: string;
}

/** The files of `shard` of the plan in `folder` with sweep id `sweepId`; `database` replaces the published location. */
export function shardFiles(folder: string, sweepId: string, shard: Shard, database?: string): ShardFiles {
  const published = resolve(database ?? join(folder, 'shards', shardFileName(shard)));
  const localDisk = process.env.TMPDIR || tmpdir();
  return {
    published,
    working: join(localDisk, `ttlab-${sweepId}-${basename(published)}`),
    report: published.replace(/(\.sqlite)?$/, '.json'),
  };
}

const modified = (file: string) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/**
 * Makes the working copy the newest state of the shard: the published copy when it is newer (the task moved to
 * another node, or this node's disk was wiped), else the working copy left by an earlier run on this node.
 */
export function prepareWorkingCopy(files: ShardFiles): void {
  const published = modified(files.published);
  const working = modified(files.working);
  if (published === undefined || (working !== undefined && working >= published)) return;
  // A hot journal belongs to the old working copy; left beside the fresh copy, SQLite would replay it onto it.
  rmSync(`${files.working}-journal`, { force: true });
  copyFileAtomically(files.published, files.working);
}

/** Copies the working database to its published place whole, then the report beside it. */
export function publishShard(store: RunStore, files: ShardFiles, report: ShardReport): void {
  replaceAtomically(files.published, (staging) => store.backup(staging));
  writeFileAtomically(files.report, `${JSON.stringify(report, null, 1)}\n`);
}
