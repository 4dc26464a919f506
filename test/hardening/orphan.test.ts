/**
 * A trainer whose parent is killed ends within a second or two, even in the middle of a long
 * gradient-flow step that keeps its main thread busy for many seconds.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WATCH_INTERVAL_MS } from '../../src-main/trainer/watchdog';

const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Trainer pids to kill if a test fails before they end. */
const leftovers: number[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

describe('a trainer whose parent is killed', () => {
  it('ends within a few watch intervals, in the middle of a gradient-flow step at m = 3,000', async () => {
    const parent = spawn(process.execPath, ['--import', tsx, join(import.meta.dirname, 'orphanParent.ts')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const trainerPid = await new Promise<number>((resolve, reject) => {
      let text = '';
      parent.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /pid (\d+)\n/.exec(text);
        if (match) resolve(Number(match[1]));
      });
      parent.once('exit', (code) => reject(new Error(`the parent exited with ${code} before the run started`)));
    });
    leftovers.push(trainerPid);
    expect(alive(trainerPid)).toBe(true);
    parent.kill('SIGKILL');
    // The watcher looks every WATCH_INTERVAL_MS; a busy machine may add a little. Without it the trainer runs on for
    // the whole step (tens of seconds here) before 'disconnect' is even seen.
    await expect.poll(() => alive(trainerPid), { timeout: 8 * WATCH_INTERVAL_MS, interval: 50 }).toBe(false);
  }, 30_000);
});
