import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ttlab = join(import.meta.dirname, '../../bin/ttlab.mjs');

describe('ttlab writing into a pipe whose reader has gone', () => {
  it('ends quietly with exit code 0, as `ttlab presets | head -1` expects', async () => {
    // The read end is closed before the command writes anything, so its first write meets EPIPE.
    const child = spawn(process.execPath, [ttlab, 'presets'], {
      env: { ...process.env, TTLAB_FROM_SOURCE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });
});
