/**
 * The copy step of an import on a worker thread (mergeWorker.ts), after the sources were checked (importScan.ts):
 * the worker opens the lab's database file itself and merges in one transaction, so the window never waits for the
 * copy. The store's own connection keeps reading meanwhile (WAL); a write on it waits for the merge's commit.
 */
import { RemoteError } from '#shared/base/errors';
import { askWorker, startWorker } from '../threads/startWorker';
import type { MergeCounts } from './mergeDatabase';
import type { MergeReply, MergeRequest } from './mergeWorker';

/** Merges `files` into the lab database `target` on a worker thread; rejects with the merge's error (its name kept), nothing written. */
export async function mergeOnThread(
  target: string,
  files: readonly string[],
  options: { nativeBinding?: string; readonly?: boolean } = {},
): Promise<MergeCounts> {
  const worker = startWorker(import.meta.url, 'mergeWorker.ts', 'importMergeWorker.js');
  const reply = await askWorker<MergeReply>(worker, { target, files, ...options } satisfies MergeRequest);
  if (!reply.ok) throw new RemoteError(reply.error);
  return reply.counts;
}
