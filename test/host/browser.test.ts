/**
 * The host as Chromium sees it: the token URL sets the cookie, the page's module script and its WebSocket ride on that
 * cookie and on our Origin, and neither the header CSP nor the renderer's meta CSP blocks anything the page needs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { chromiumPath, hasChromium, launchChromium, watchProblems } from '../support/chromium';
import { createStubLab, type StubLab } from './stubLab';

const rendererMeta = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/.exec(
  readFileSync(join(import.meta.dirname, '../../src-renderer/index.html'), 'utf8'),
)?.[0];

/** A page that calls the API the way the renderer does, and shows the results. */
const page = (meta: string) =>
  `<!doctype html><html><head>${meta}<link rel="icon" href="data:,"><script type="module" src="./app.js"></script></head><body><pre id="out"></pre></body></html>`;
const app = `
const out = document.getElementById('out');
const socket = new WebSocket('ws://' + location.host + '/api');
socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: 'getCheckpoints', params: { runId: 'r1' } }));
socket.onmessage = (message) => { out.textContent += message.data + '\\n'; };
socket.onclose = (event) => { out.textContent += 'closed ' + event.code + '\\n'; };
`;

if (!hasChromium)
  console.log(
    `Skipping the browser-mode Chromium test: no Chromium at ${chromiumPath} (sudo apt-get install chromium, or set TTLAB_CHROMIUM)`,
  );

describe.runIf(hasChromium)('browser mode in Chromium', () => {
  let sandbox: string;
  let host: RunningHost;
  let lab: StubLab;
  let browser: Browser;

  beforeAll(async () => {
    sandbox = mkdtempSync(join(tmpdir(), 'ttlab-browser-'));
    mkdirSync(join(sandbox, 'renderer'));
    writeFileSync(join(sandbox, 'renderer', 'index.html'), page(rendererMeta ?? ''));
    writeFileSync(join(sandbox, 'renderer', 'app.js'), app);
    lab = createStubLab();
    host = await startHost({ lab, staticDir: join(sandbox, 'renderer') });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    rmSync(sandbox, { recursive: true, force: true });
  });

  it('has a renderer page with a meta CSP to test against', () => {
    expect(rendererMeta).toBeDefined();
  });

  it('loads from the token URL, then talks to the API and receives events, with no console error', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems = watchProblems(tab);

    await tab.goto(host.url);
    await expect.poll(() => tab.textContent('#out')).toContain('"id":1');
    const reply = JSON.parse((await tab.textContent('#out'))!.split('\n')[0]);
    expect(reply.ok).toBe(true);
    expect(reply.result.a).toEqual({
      $f64b: Buffer.from(Float64Array.of(0.5, -1 / 3, 2 ** -40, Number.MAX_VALUE).buffer).toString('base64'),
    });

    lab.emit('run:status', { runId: 'r1', status: 'done', error: null });
    await expect.poll(() => tab.textContent('#out')).toContain('"event":"run:status"');

    // A reload without the token in the URL rides on the cookie alone.
    await tab.goto(host.url.replace(/\?token=.*/, ''));
    await expect.poll(() => tab.textContent('#out')).toContain('"id":1');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a browser that never had the token', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const response = await tab.goto(host.url.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
    await context.close();
  });
});
