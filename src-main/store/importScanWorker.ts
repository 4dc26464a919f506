/** The import scan's thread: opens each source read-only and validates all of it (see importScan.ts). */
import { parentPort } from 'node:worker_threads';
import { toWireError } from '#shared/base/errors';
import { openImportSource } from './connection';
import { scanImportSource } from './importCheck';

/** What the store sends: the files to scan, and the better-sqlite3 build to load them with. */
export interface ScanRequest {
  files: readonly string[];
  nativeBinding?: string;
}

export type ScanReply = { ok: true } | { ok: false; error: { name: string; message: string } };

const port = parentPort;
if (!port) throw new Error('importScanWorker.ts runs as a worker thread (see importScan.ts)');
port.once('message', ({ files, nativeBinding }: ScanRequest) => {
  let reply: ScanReply = { ok: true };
  try {
    for (const file of files) {
      const db = openImportSource(file, nativeBinding);
      try {
        scanImportSource(db, file);
      } finally {
        db.close();
      }
    }
  } catch (error) {
    reply = { ok: false, error: toWireError(error) };
  }
  port.postMessage(reply);
});
