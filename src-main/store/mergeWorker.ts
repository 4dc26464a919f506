/** The merge's thread: opens the lab's database itself and copies the checked sources into it (see mergeThread.ts). */
import { parentPort } from 'node:worker_threads';
import { toWireError, type ErrorData } from '#shared/base/errors';
import { openMergeTarget } from './connection';
import { mergeDatabases } from './mergeCopy';
import type { MergeCounts } from './mergeDatabase';

/** What the store sends: its database file, how it has it open, and the files to merge into it. */
export interface MergeRequest {
  target: string;
  files: readonly string[];
  nativeBinding?: string;
  readonly?: boolean;
}

export type MergeReply = { ok: true; counts: MergeCounts } | { ok: false; error: ErrorData };

const port = parentPort;
if (!port) throw new Error('mergeWorker.ts runs as a worker thread (see mergeThread.ts)');
port.once('message', ({ target, files, nativeBinding, readonly }: MergeRequest) => {
  let reply: MergeReply;
  try {
    const db = openMergeTarget(target, { nativeBinding, readonly });
    try {
      reply = { ok: true, counts: mergeDatabases(db, target, files, nativeBinding) };
    } finally {
      db.close();
    }
  } catch (error) {
    reply = { ok: false, error: toWireError(error) };
  }
  port.postMessage(reply);
});
