/**
 * `npm run web` and `npm start` as a user runs them: build when needed, start the host on a real lab, print the URL.
 * Without an Electron binary (as on the build machines), `npm start` must fall back to browser mode.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { projectRoot } from '../../scripts/ensure-build.mjs';
import { builtSandbox } from '../support/builtSandbox';
import { nodeWire } from '../../src-main/host/wireCodec';
import { openStore } from '../../src-main/store';
import { parseRunConfig } from '#shared/config/schema';
import { checkpoints } from '../store/fixtures';

/** The children run without a display, so `npm start` falls back to browser mode even where Electron is installed. */
const headless = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' };
const URL_PATTERN = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64})/;
const sandbox = builtSandbox('ttlab-commands-');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `node <script> ...args` and resolves with everything printed up to the URL line. */
function startUntilUrl(script: string, args: string[]): Promise<{ child: ChildProcess; output: string; url: string }> {
  const child = spawn(process.execPath, [join(projectRoot, script), ...args], { cwd: projectRoot, env: headless });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_PATTERN.exec(output);
      if (match) resolve({ child, output, url: match[0] });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code} before printing a URL:\n${output}`)));
  });
}

/** One request over the API socket, as the renderer sends it. */
function callApi(url: URL, method: string, params: unknown): Promise<unknown> {
  const socket = new WebSocket(`ws://${url.host}/api?${url.searchParams}`, { origin: url.origin });
  return new Promise((resolve, reject) => {
    socket.once('open', () => socket.send(nodeWire.encode({ id: 1, method, params })));
    socket.once('message', (data) => {
      resolve(nodeWire.decode(data.toString()));
      socket.close();
    });
    socket.once('error', reject);
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );
}

/** Sends `signal` to the child and expects it to stop cleanly, with exit code 0. */
async function expectCleanStop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  child.kill(signal);
  expect(await exitCode(child)).toBe(0);
}

/** `npm run web` on the database `dbFile`, on any free port: the process and the address of the URL it printed. */
async function startWeb(dbFile: string): Promise<{ child: ChildProcess; url: string; address: URL }> {
  const { child, url } = await startUntilUrl('scripts/web.mjs', ['--port', '0', '--db', dbFile]);
  return { child, url, address: new URL(url) };
}

/** Writes a lab database at `dbFile` holding one finished run of 20 checkpoints, named `name`; returns its id. */
function storeFinishedRun(dbFile: string, name: string): string {
  const store = openStore(dbFile);
  const runId = store.createRun({
    config: parseRunConfig({ network: { m: 4 }, duration: { kind: 'steps', steps: 1000 } }),
    name,
  });
  store.appendCheckpoints(runId, 0, checkpoints(0, 20, 4));
  store.finishRun(runId, 'done', {});
  store.close();
  return runId;
}

describe('npm run web', () => {
  it('serves the built workbench and the real lab at the printed URL, and stops cleanly on Ctrl+C', async () => {
    const { child, url, address } = await startWeb(sandbox('web.sqlite'));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    expect(page.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict; Path=\//);

    const presets = (await callApi(address, 'listPresets', {})) as { ok: boolean; result: Array<{ name: string }> };
    expect(presets.ok).toBe(true);
    expect(presets.result.length).toBeGreaterThan(0);
    expect(await callApi(address, 'listRuns', {})).toEqual({ id: 1, ok: true, result: [] });

    await expectCleanStop(child, 'SIGINT');
  });

  it('exports reports and chart figures through the built render process, which a malformed chart crashes alone', async () => {
    const dbFile = sandbox('exports.sqlite');
    const runId = storeFinishedRun(dbFile, 'stored');
    const { child, address } = await startWeb(dbFile);
    const exported = (await callApi(address, 'exportReport', { target: { runId } })) as {
      ok: boolean;
      result: { data: Uint8Array };
    };
    expect(exported.ok).toBe(true);
    expect(Object.keys(unzipSync(exported.result.data))).toContain('report.png');
    // resvg 2.6.2 aborts its process on a nested chart wholly outside the canvas: the render process, not the host.
    const outside =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><svg x="500" y="500" width="50" height="50"><rect width="50" height="50"/></svg></svg>';
    const figure = { width: 100, height: 100, format: 'png', title: 'Loss' };
    expect(await callApi(address, 'renderFigure', { ...figure, svg: outside })).toMatchObject({
      ok: false,
      error: { name: 'RenderExitError' },
    });
    expect(
      await callApi(address, 'renderFigure', { ...figure, svg: outside.replace(' x="500" y="500"', '') }),
    ).toMatchObject({ ok: true });
    expect(await callApi(address, 'listRuns', {})).toMatchObject({ ok: true, result: [{ id: runId }] });

    await expectCleanStop(child, 'SIGINT');
  });

  it('imports runs through the built scan and merge threads', async () => {
    const source = sandbox('colleague.sqlite');
    const runId = storeFinishedRun(source, 'theirs');
    const { child, address } = await startWeb(sandbox('imports.sqlite'));
    expect(await callApi(address, 'importRunsFrom', { path: source })).toMatchObject({
      ok: true,
      result: { added: 1 },
    });
    expect(await callApi(address, 'listRuns', {})).toMatchObject({ ok: true, result: [{ id: runId }] });
    await expectCleanStop(child, 'SIGINT');
  });

  it('refuses a bad flag with one line naming it, exit code 2', () => {
    for (const [args, flag] of [
      [['--port', 'eighty'], '--port'],
      [['--db'], '--db'],
      [['--colour'], '--colour'],
    ] as const) {
      const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/web.mjs'), ...args], {
        cwd: projectRoot,
        encoding: 'utf8',
      });
      expect(result.status).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(flag);
    }
  });
});

describe.runIf(process.platform === 'linux')('npm start without an Electron runtime', () => {
  it('says so in one line and starts browser mode instead', async () => {
    const { child, output } = await startUntilUrl('scripts/start.mjs', ['--db', sandbox('start.sqlite')]);
    const notices = output.split('\n').filter((line) => line.includes('Electron'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^Electron runtime unavailable \(.+\); starting the workbench in browser mode instead\.$/,
    );
    await expectCleanStop(child, 'SIGTERM');
  });
});
