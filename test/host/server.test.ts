import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { openSocket, rawGet } from './request';
import { createStubLab } from './stubLab';

const SECRET = 'top-secret-outside-the-root';
let sandbox: string;
let host: RunningHost;
let origin: string;
let ourHost: string;

beforeAll(async () => {
  sandbox = mkdtempSync(join(tmpdir(), 'ttlab-host-'));
  const root = join(sandbox, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(join(sandbox, 'secret.txt'), SECRET);
  symlinkSync(join(sandbox, 'secret.txt'), join(root, 'link.txt'));
  host = await startHost({ lab: createStubLab(), port: 0, staticDir: root });
  origin = `http://127.0.0.1:${host.port}`;
  ourHost = `127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  rmSync(sandbox, { recursive: true, force: true });
});

const cookie = () => `ttlab_token_${host.port}=${host.token}`;

describe('the printed URL', () => {
  it('points at 127.0.0.1 and carries a fresh 256-bit token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('listens on the loopback address only', async () => {
    const reach = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reach('127.0.0.1')).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry && !entry.internal)
      .map((entry) => entry!.address);
    for (const address of ['::1', ...external]) expect(await reach(address), address).toBe(false);
  });
});

describe('HTTP access', () => {
  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await rawGet(host.port, '/')).status).toBe(401);
    expect((await rawGet(host.port, '/assets/app.js')).status).toBe(401);
    const wrong = host.token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await rawGet(host.port, `/?token=${wrong}`)).status).toBe(401);
    expect((await rawGet(host.port, '/', { cookie: `ttlab_token_${host.port}=${wrong}` })).status).toBe(401);
    expect((await rawGet(host.port, '/?token=short')).body).not.toContain('<title>');
  });

  it('serves the first load with the token in the query and sets an HttpOnly, SameSite=Strict cookie', async () => {
    const first = await rawGet(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(200);
    expect(first.body).toContain('<title>lab</title>');
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain(cookie());
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
  });

  it('serves later requests with the cookie alone', async () => {
    const script = await rawGet(host.port, '/assets/app.js', { cookie: `other=1; ${cookie()}` });
    expect(script.status).toBe(200);
    expect(script.body).toBe('console.log("app");');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['set-cookie']).toBeUndefined();
  });

  it('refuses another Origin, and a Host that is not ours, even with the token', async () => {
    expect((await rawGet(host.port, '/', { cookie: cookie(), origin: 'http://evil.example' })).status).toBe(403);
    expect((await rawGet(host.port, '/', { cookie: cookie(), origin: `http://localhost:${host.port}` })).status).toBe(
      403,
    );
    expect((await rawGet(host.port, '/', { cookie: cookie(), host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await rawGet(host.port, '/', { cookie: cookie(), origin })).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    const post = await rawGet(host.port, '/', { cookie: cookie() }, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await rawGet(host.port, '/assets/app.js', { cookie: cookie() }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log("app");'.length));
    expect(head.body).toBe('');
  });

  it('sends the security headers on every response, refusals included', async () => {
    for (const response of [
      await rawGet(host.port, '/', { cookie: cookie() }),
      await rawGet(host.port, '/'),
      await rawGet(host.port, '/nope', { cookie: cookie() }),
    ]) {
      expect(response.headers['content-security-policy']).toBe(
        `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://${ourHost}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
  });
});

describe('static paths', () => {
  const hostile = [
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/assets\\..\\..\\secret.txt',
    '/index.html%00.js',
    '/%00',
    '/%E0%A4%A',
    '/%252e%252e/secret.txt',
    '//secret.txt',
    '/link.txt',
    '/assets',
  ];

  it.each(hostile)('%s never reaches a file outside the root', async (path) => {
    const response = await rawGet(host.port, path, { cookie: cookie() });
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET);
  });

  it('refuses an absolute file path and an absolute-form request target', async () => {
    for (const path of [
      join(sandbox, 'secret.txt'),
      `http://127.0.0.1:${host.port}/../secret.txt`,
      `/${join(sandbox, 'secret.txt')}`,
    ]) {
      const response = await rawGet(host.port, path, { cookie: cookie() });
      expect([400, 404], path).toContain(response.status);
      expect(response.body).not.toContain(SECRET);
    }
  });
});

describe('WebSocket access', () => {
  const apiUrl = () => `ws://127.0.0.1:${host.port}/api`;

  it('refuses an upgrade without the token or with a wrong one', async () => {
    expect(await openSocket(apiUrl(), { origin })).toBe(401);
    expect(await openSocket(`${apiUrl()}?token=${'0'.repeat(64)}`, { origin })).toBe(401);
  });

  it('refuses an upgrade from another origin, or with no Origin at all', async () => {
    expect(await openSocket(apiUrl(), { origin: 'http://evil.example', headers: { cookie: cookie() } })).toBe(403);
    expect(await openSocket(apiUrl(), { headers: { cookie: cookie() } })).toBe(403);
  });

  it('refuses an upgrade on any other path', async () => {
    expect(await openSocket(`ws://127.0.0.1:${host.port}/other`, { origin, headers: { cookie: cookie() } })).toBe(404);
  });

  it('accepts our origin with the cookie or with the token in the query', async () => {
    for (const attempt of [
      openSocket(apiUrl(), { origin, headers: { cookie: cookie() } }),
      openSocket(`${apiUrl()}?token=${host.token}`, { origin }),
    ]) {
      const socket = await attempt;
      expect(typeof socket).toBe('object');
      if (typeof socket === 'object') socket.close();
    }
  });
});
