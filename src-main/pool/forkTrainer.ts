/** Trainer processes as the pool sees them, and their Node implementation on child_process.fork. */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { entryFile } from '../threads/startWorker';

/** One trainer process. Electron's utilityProcess and Node's child_process both fit behind it. */
export interface ChildHandle {
  /** Operating-system process id, when the process started. */
  readonly pid?: number;
  send(message: unknown): void;
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process is gone, with its exit code or the signal that ended it. */
  onExit(listener: (code: number | null, signal?: string | null) => void): void;
}

/** Starts a fresh trainer process. */
export type SpawnTrainer = () => ChildHandle;

/**
 * The trainer entry: the TypeScript source beside this folder, or the built out/main/trainer.js, which is beside this
 * module when it is bundled into an entry, or one folder up when it lands in a shared chunk (out/main/chunks).
 * `callerUrl` is the file URL of a module in the folder to look from (by default this module's).
 */
export function defaultEntry(callerUrl: string = import.meta.url): string {
  return entryFile(callerUrl, '../trainer/entry.ts', 'trainer.js');
}

/** tsx's loader as an absolute URL, so the child finds it whatever its working directory. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

export function forkTrainer(options: { entry?: string; env?: NodeJS.ProcessEnv } = {}): SpawnTrainer {
  const entry = options.entry ?? defaultEntry();
  const execArgv = entry.endsWith('.ts') ? ['--import', tsxLoader()] : [];
  return () => {
    // 'advanced' serialization is structured clone: Float64Arrays arrive as Float64Arrays.
    const child = fork(entry, [], { serialization: 'advanced', execArgv, env: options.env ?? process.env });
    const exitListeners: Array<(code: number | null, signal?: string | null) => void> = [];
    let exited = false;
    const exit = (code: number | null, signal: string | null) => {
      if (exited) return;
      exited = true;
      for (const listener of exitListeners) listener(code, signal);
    };
    child.on('exit', exit);
    // A process that never started emits 'error' and no 'exit'; a send to a dead process also lands here.
    child.on('error', () => {
      if (child.pid === undefined) exit(null, null);
    });
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message as object);
      },
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => exitListeners.push(listener),
    };
  };
}
