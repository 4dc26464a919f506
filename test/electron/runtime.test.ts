import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findElectron, withoutRunAsNode } from '../../scripts/electron-runtime.mjs';

const display = { DISPLAY: ':0' };
let packageDir: string;

/** A fake electron package: `path.txt` naming dist/<binary>, and an install.js standing in for the download. */
function fakePackage(options: { binary?: string; install?: string }): string {
  if (options.binary !== undefined) {
    mkdirSync(join(packageDir, 'dist'), { recursive: true });
    writeFileSync(join(packageDir, 'path.txt'), 'electron');
    writeFileSync(join(packageDir, 'dist', 'electron'), options.binary);
    chmodSync(join(packageDir, 'dist', 'electron'), 0o755);
  }
  writeFileSync(join(packageDir, 'install.js'), options.install ?? 'process.exit(1);');
  return packageDir;
}

beforeEach(() => {
  packageDir = mkdtempSync(join(tmpdir(), 'ttlab-electron-'));
});

afterEach(() => rmSync(packageDir, { recursive: true, force: true }));

describe.runIf(process.platform !== 'win32')('findElectron', () => {
  it('uses an installed binary that answers --version', async () => {
    const dir = fakePackage({ binary: '#!/bin/sh\necho v45.5.0\n' });
    expect(await findElectron(dir, display)).toEqual({ binary: join(dir, 'dist', 'electron') });
  });

  it('reports a failed first-launch download quickly', async () => {
    const started = Date.now();
    expect(await findElectron(fakePackage({}), display)).toEqual({ reason: 'cannot be downloaded on this machine' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says a download is under way only when it takes a while', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await findElectron(fakePackage({}), display);
    expect(log).not.toHaveBeenCalled();
    await findElectron(fakePackage({ install: 'setTimeout(() => process.exit(1), 2500);' }), display);
    expect(log).toHaveBeenCalledExactlyOnceWith('Fetching the Electron runtime (first launch)...');
    log.mockRestore();
  });

  it('uses the binary a successful download put in place', async () => {
    const install = `const fs = require('fs'); const path = require('path');
      fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\nexit 0\\n', { mode: 0o755 });
      fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`;
    const dir = fakePackage({ install });
    writeFileSync(join(dir, 'package.json'), '{"type":"commonjs"}');
    expect(await findElectron(dir, display)).toEqual({ binary: join(dir, 'dist', 'electron') });
  });

  it('refuses a binary that does not run', async () => {
    expect(await findElectron(fakePackage({ binary: '#!/bin/sh\nexit 127\n' }), display)).toEqual({
      reason: 'the binary does not run here',
    });
  });

  it.runIf(process.platform === 'linux')('refuses to open a window without a display', async () => {
    expect(await findElectron(fakePackage({ binary: '#!/bin/sh\nexit 0\n' }), {})).toMatchObject({
      reason: expect.stringContaining('no display'),
    });
  });

  it('reports a missing electron package', async () => {
    expect(await findElectron(null, display)).toEqual({ reason: 'the electron package is not installed' });
  });

  const installed = join(import.meta.dirname, '../../node_modules/electron');
  it.runIf(!existsSync(join(installed, 'path.txt')))(
    'on this machine, without the binary, gives up within seconds',
    async () => {
      const started = Date.now();
      expect(await findElectron(installed, display)).toEqual({ reason: 'cannot be downloaded on this machine' });
      expect(Date.now() - started).toBeLessThan(10_000);
    },
  );
});

describe('withoutRunAsNode', () => {
  it('drops ELECTRON_RUN_AS_NODE and keeps the rest', () => {
    expect(withoutRunAsNode({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});
