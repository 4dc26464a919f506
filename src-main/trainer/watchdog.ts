/**
 * Ends the trainer process when its parent is gone. The 'disconnect' event (channel.ts) needs the main thread, which a
 * long step (gradient flow at m = 3,000 solves a 3,001 x 3,001 system per stage) keeps busy for many seconds; so a
 * worker thread watches the parent instead, and kills its own process at once, whatever the main thread computes.
 *
 * The parent is gone when the process was handed to another parent (ppid changed: reparenting on POSIX) or its pid no
 * longer exists (`kill(pid, 0)` fails with ESRCH, which also covers Windows, where nothing is reparented).
 */
import { Worker } from 'node:worker_threads';

/** How often the worker looks at the parent: the trainer ends at most this long after its parent. */
export const WATCH_INTERVAL_MS = 500;

/**
 * The worker's code, evaluated as a script so the trainer stays one file in every build (the bundler would not see a
 * separate worker entry). It only reads process ids and sends a signal.
 */
const WATCHER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { parentPid, intervalMs } = workerData;
function parentAlive() {
  if (process.platform !== 'win32' && process.ppid !== parentPid) return false;
  try {
    process.kill(parentPid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
setInterval(() => {
  if (!parentAlive()) process.kill(process.pid, 'SIGKILL');
}, intervalMs);
`;

/** Starts watching `parentPid` (default: this process's parent as of now); the watcher never keeps the process alive. */
export function watchParent(parentPid = process.ppid, intervalMs = WATCH_INTERVAL_MS): Worker {
  const worker = new Worker(WATCHER_SOURCE, { eval: true, workerData: { parentPid, intervalMs } });
  worker.unref();
  return worker;
}
