/**
 * Browser mode stops cleanly on Ctrl+C (SIGINT) and SIGTERM at any moment: the process signals itself at a chosen
 * moment (signalAt.mjs) and must exit with 0, never die by the signal's default action with no exit code.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/ensure-build.mjs';
import { builtSandbox } from '../support/builtSandbox';

const signalAt = join(import.meta.dirname, 'signalAt.mjs');
/** Without a display, `npm start` takes the browser-mode path even where Electron is installed. */
const headless = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
const sandbox = builtSandbox('ttlab-signals-');

/** Runs `node script --db FILE` signalling itself at `moment`; resolves with how it ended and what it printed. */
function runSignalled(script: string, signal: string, moment: string) {
  const db = sandbox(`${script.replace(/\W/g, '-')}-${signal}-${moment}.sqlite`);
  const child = spawn(process.execPath, ['--import', signalAt, join(projectRoot, script), '--port', '0', '--db', db], {
    cwd: projectRoot,
    env: { ...headless, TTLAB_SIGNAL: signal, TTLAB_SIGNAL_AT: moment },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; signal: string | null; output: string; db: string }>((resolve) => {
    child.on('exit', (code, endedBy) => resolve({ code, signal: endedBy, output, db }));
  });
}

describe.each(['SIGTERM', 'SIGINT'])('browser mode on %s', (signal) => {
  it.each([
    ['out/main/web.js', 'url'],
    ['out/main/web.js', 'listen'],
    ['scripts/start.mjs', 'url'],
    ['scripts/web.mjs', 'url'],
  ])('%s exits with 0 when signalled at "%s"', async (script, moment) => {
    const ended = await runSignalled(script, signal, moment);
    expect({ code: ended.code, signal: ended.signal }, ended.output).toEqual({ code: 0, signal: null });
    // The lab was opened and closed: its database exists.
    expect(existsSync(ended.db)).toBe(true);
  });
});
