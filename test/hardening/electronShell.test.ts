/**
 * The Electron shell (Electron cannot run here: electron is mocked): the UI comes from app:// with its CSP in the
 * response headers, frames may not navigate, and file:// gets no extra privileges.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { appResponse, registerAppScheme, serveAppScheme } from '../../src-main/electron/appProtocol';
import { hardenContents } from '../../src-main/electron/hardening';
import { fuseConfig } from '../../scripts/fuses.mjs';
import { tempFolder } from '../store/helpers';

vi.mock('electron', () => ({}));

/** A built renderer: index.html and a script, and a secret beside the folder. */
function renderer(): string {
  const base = tempFolder();
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  return root;
}

describe('app://lab/', () => {
  it('serves the UI with its Content-Security-Policy as a header, frame-ancestors and connect-src included', async () => {
    const root = renderer();
    const page = await appResponse('app://lab/index.html', root);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    expect(await page.text()).toContain('<title>lab</title>');
    expect((await appResponse('app://lab/assets/index.js', root)).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it.each([
    ['an encoded way out of the folder', 'app://lab/assets/..%2f..%2fsecret.txt', 400],
    ['a link that leads out of the folder', 'app://lab/assets/link.txt', 404],
    ['another host', 'app://evil/index.html', 404],
    ['a missing file', 'app://lab/nothing.js', 404],
  ])('refuses %s', async (_what, url, status) => {
    const response = await appResponse(url, renderer());
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('secret');
  });

  it('declares app:// standard and secure before the app is ready, and answers requests once it is', async () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const handle = vi.fn();
    serveAppScheme({ handle }, renderer());
    expect(handle.mock.calls[0][0]).toBe('app');
    const answer = (await handle.mock.calls[0][1]({ url: 'app://lab/index.html' })) as Response;
    expect(answer.status).toBe(200);
  });
});

describe('frames', () => {
  it('may not navigate; the main frame is left to will-navigate', () => {
    const emitter = new EventEmitter();
    hardenContents(
      Object.assign(emitter, {
        setWindowOpenHandler: vi.fn(),
        getURL: () => 'app://lab/index.html',
        downloadURL: vi.fn(),
      }) as unknown as WebContents,
    );
    const navigate = (isMainFrame: boolean) => {
      const event = { preventDefault: vi.fn(), isMainFrame, url: 'https://evil.example/' };
      emitter.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate(false)).toBe(true);
    expect(navigate(true)).toBe(false);
  });
});

describe('fuses', () => {
  it('give file:// no extra privileges on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'])
      expect(fuseConfig(platform)[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });
});
