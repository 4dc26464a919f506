/**
 * Checks import sources on a worker thread before anything is copied: the schema (no views or triggers), the size and
 * every row, within a time limit, so that a hostile or huge file neither freezes the window nor holds the database's
 * write lock. The copy that follows (mergeCopy.ts) checks each row again as it writes it.
 */
import { RemoteError } from '#shared/base/errors';
import { askWorker, startWorker } from '../threads/startWorker';
import { DatabaseOpenError } from './errors';
import type { ScanReply, ScanRequest } from './importScanWorker';

/** How long the scan of all the files of one import may take. */
export const IMPORT_SCAN_TIMEOUT_MS = 5 * 60_000;

/** Resolves when every file can be imported; rejects with the first problem (its error name kept), or on timeout. */
export async function scanImportFiles(
  files: readonly string[],
  options: { nativeBinding?: string; timeoutMs?: number } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? IMPORT_SCAN_TIMEOUT_MS;
  const worker = startWorker(import.meta.url, 'importScanWorker.ts', 'importScanWorker.js');
  const reply = await askWorker<ScanReply>(
    worker,
    { files, nativeBinding: options.nativeBinding } satisfies ScanRequest,
    {
      timeoutMs,
      onTimeout: () =>
        new DatabaseOpenError(
          `reading ${files.length === 1 ? files[0] : `${files.length} files`} took longer than ${timeoutMs / 1000} s: nothing was imported`,
        ),
    },
  );
  if (!reply.ok) throw new RemoteError(reply.error);
}
