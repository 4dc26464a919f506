/** Drives writerChild.ts (a trainer-like process appending checkpoints forever) from a test, up to its SIGKILL. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '../..');

export interface Writer {
  /** The child's process id, part of the owner it writes into its run. */
  readonly pid: number;
  /** Resolves with the run's id once the child reports at least `count` committed checkpoints. */
  saved(count: number): Promise<string>;
  /** Kills the child with SIGKILL and waits until it is gone; returns how many checkpoints it reported as committed. */
  kill(): Promise<number>;
}

export function startWriter(file: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/store/writerChild.ts', file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  let signal: NodeJS.Signals | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (_code, how) => {
      signal = how;
      resolve();
    }),
  );
  let runId = '';
  let saved = 0;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const [word, value] = line.split(' ');
    if (word === 'run') runId = value;
    if (word === 'saved') saved = Number(value);
  });
  return {
    pid: child.pid!,
    async saved(count) {
      while (saved < count) {
        if (signal !== undefined) throw new Error(`the writer ended on its own: ${stderr.join('')}`);
        await sleep(10);
      }
      return runId;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
      if (signal !== 'SIGKILL') throw new Error(`the writer ended on its own: ${stderr.join('')}`);
      return saved;
    },
  };
}
