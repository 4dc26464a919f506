/**
 * End-to-end harness: the real browser-mode host (built renderer in out/renderer, a real lab with Node trainer
 * processes on a temporary database) and Debian's Chromium driven by playwright-core. Pages fail the test on any
 * console error.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { forkTrainer } from '../../src-main/pool';
import { createLab, type Lab } from '../../src-main/service/lab';

export const chromiumPath = process.env.TTLAB_CHROMIUM ?? '/usr/bin/chromium';
export const rendererDir = join(import.meta.dirname, '../../out/renderer');
/** Why the browser tests cannot run here, or null: both the browser and the build must be there. */
export const browserSkipReason = !existsSync(chromiumPath)
  ? `no Chromium at ${chromiumPath} (sudo apt-get install chromium, or set TTLAB_CHROMIUM=/path/to/chrome)`
  : !existsSync(join(rendererDir, 'index.html'))
    ? 'the renderer is not built (npm test builds it first; or run npx electron-vite build)'
    : null;
export const canRunBrowser = browserSkipReason === null;
if (browserSkipReason) console.log(`Skipping the end-to-end browser tests: ${browserSkipReason}`);

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Workbench {
  lab: Lab;
  host: RunningHost;
  browser: Browser;
  dbFile: string;
  /** Opens a new page on the workbench; `problems` collects console errors and page errors. */
  open(path?: string): Promise<{ page: Page; problems: string[] }>;
  /** Restarts the host and the lab on the same database (as after quitting and reopening the app). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function openWorkbench(poolSize = 2): Promise<Workbench> {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-e2e-'));
  const dbFile = join(dir, 'runs.sqlite');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  const workbench: Workbench = {
    lab: createLab({ dbFile, spawn: forkTrainer(), poolSize }),
    host: undefined as unknown as RunningHost,
    browser,
    dbFile,
    async open(path = '') {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(workbench.host.url + path);
      return { page, problems };
    },
    async restart() {
      await workbench.host.close();
      await workbench.lab.close();
      workbench.lab = createLab({ dbFile, spawn: forkTrainer(), poolSize });
      workbench.host = await startHost({ lab: workbench.lab, port: 0, staticDir: rendererDir });
    },
    async close() {
      await browser.close();
      await workbench.host.close();
      await workbench.lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  workbench.host = await startHost({ lab: workbench.lab, port: 0, staticDir: rendererDir });
  return workbench;
}
