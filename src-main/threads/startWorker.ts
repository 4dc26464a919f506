/**
 * Starts a worker thread from a module of src-main: the TypeScript source itself in development and tests (through
 * tsx's loader, registered in the worker's own thread before the source is imported), or the built script that
 * electron-vite writes to out/main (an entry of electron.vite.config.ts), beside the calling code or one folder up
 * when the bundler put that code in out/main/chunks. A child process's script is found the same way (entryFile).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The script of the module `source` beside the caller (`callerUrl`: its import.meta.url): that TypeScript file when it
 * exists (development and tests), else `built`, its bundle in out/main, beside the caller or one folder up.
 */
export function entryFile(callerUrl: string, source: string, built: string): string {
  const here = dirname(fileURLToPath(callerUrl));
  const sourceFile = join(here, source);
  if (existsSync(sourceFile)) return sourceFile;
  const candidates = [join(here, built), join(here, '..', built)];
  return candidates.find((file) => existsSync(file)) ?? candidates[0];
}

/** A worker thread running the module `source` beside the caller, or its bundle `built` (see entryFile). */
export function startWorker(callerUrl: string, source: string, built: string): Worker {
  const sourceFile = entryFile(callerUrl, source, built);
  if (!sourceFile.endsWith('.ts')) return new Worker(sourceFile);
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(sourceFile).href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Sends `request` to a fresh worker and resolves with its one reply; the worker is ended once it answered, failed,
 * or took longer than `timeoutMs` (then the promise rejects with `onTimeout()`).
 */
export function askWorker<Reply>(
  worker: Worker,
  request: unknown,
  options: { timeoutMs?: number; onTimeout?: () => Error } = {},
): Promise<Reply> {
  let timer: NodeJS.Timeout | undefined;
  return new Promise<Reply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the worker thread stopped (exit code ${code}) before it answered`)),
    );
    if (options.timeoutMs !== undefined)
      timer = setTimeout(
        () => reject(options.onTimeout?.() ?? new Error('the worker thread took too long')),
        options.timeoutMs,
      );
    worker.postMessage(request);
  }).finally(() => {
    clearTimeout(timer);
    void worker.terminate();
  });
}
