/**
 * A restarted browser mode takes the port of its last start when it is free (open tabs find their host again), any
 * free port when it is taken, and the port asked for with --port always; the remembered port is validated when read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/ensure-build.mjs';
import { builtSandbox } from '../support/builtSandbox';
import { portFile, readRememberedPort, rememberPort } from '../../src-main/host/rememberedPort';

const sandbox = builtSandbox('ttlab-port-');

/** Starts browser mode on `db`, resolves with its port once it printed its URL. */
function startWeb(db: string, args: string[] = []): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(projectRoot, 'out/main/web.js'), '--db', db, ...args], {
    cwd: projectRoot,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web.js exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('the remembered port', () => {
  it('is reused by the next start when free, and given up for a free one when taken', async () => {
    const db = sandbox('lab.sqlite');
    const first = await startWeb(db);
    expect(await stop(first.child)).toBe(0);
    const second = await startWeb(db);
    expect(second.port).toBe(first.port);
    const taken = second.port;
    // Still running: the third start must find the port taken and pick another.
    const third = await startWeb(db);
    expect(third.port).not.toBe(taken);
    expect(await stop(third.child)).toBe(0);
    expect(await stop(second.child)).toBe(0);
  });

  it('gives way to --port', async () => {
    const db = sandbox('asked.sqlite');
    rememberPort(portFile(db), 1);
    const free = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const started = await startWeb(db, ['--port', String(free)]);
    expect(started.port).toBe(free);
    expect(await stop(started.child)).toBe(0);
    expect(readRememberedPort(portFile(db))).toBe(free);
  });

  it.each([['{"port": 0}'], ['{"port": 70000}'], ['{"port": "8080"}'], ['{"port": 8080, "extra": 1}'], ['not json']])(
    'ignores a file holding %s',
    (text) => {
      const file = sandbox('bad-port.json');
      writeFileSync(file, text);
      expect(readRememberedPort(file)).toBeNull();
    },
  );

  it('reads back what it wrote, and nothing when there is no file', () => {
    const file = sandbox('good-port.json');
    rememberPort(file, 43123);
    expect(readRememberedPort(file)).toBe(43123);
    expect(readRememberedPort(sandbox('none.json'))).toBeNull();
  });
});
