/**
 * End-to-end harness: the real browser-mode host (built renderer in out/renderer, a real lab with Node trainer
 * processes on a temporary database) and Debian's Chromium driven by playwright-core. Pages fail the test on any
 * console error.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { finishedStatuses, type RunSummary } from '#shared/api/contract';
import { startHost, type RunningHost } from '../../src-main/host/server';
import { forkTrainer } from '../../src-main/pool';
import { createLab, type Lab } from '../../src-main/service/lab';
import { chromiumPath, launchChromium, watchProblems } from '../support/chromium';

/** The launch settings, also for bench/history.bench.ts, which starts its own Chromium. */
export { CHROMIUM_ARGS, chromiumPath } from '../support/chromium';

export const rendererDir = join(import.meta.dirname, '../../out/renderer');
/** Why the browser tests cannot run here, or null: both the browser and the build must be there. */
export const browserSkipReason = !existsSync(chromiumPath)
  ? `no Chromium at ${chromiumPath} (sudo apt-get install chromium, or set TTLAB_CHROMIUM=/path/to/chrome)`
  : !existsSync(join(rendererDir, 'index.html'))
    ? 'the renderer is not built (npm test builds it first; or run npx electron-vite build)'
    : null;
export const canRunBrowser = browserSkipReason === null;
if (browserSkipReason) console.log(`Skipping the end-to-end browser tests: ${browserSkipReason}`);

/** Where the end-to-end tests put the screenshots that are not the documentation's. */
export const testResults = join(import.meta.dirname, '../../test-results');

/**
 * Where the documentation's screenshots go: test-results/ on a plain `npm test`, which so leaves the checkout as it
 * found it; docs/screenshots/ with TTLAB_UPDATE_SCREENSHOTS=1 (`npm run screenshots`).
 */
export const docsScreenshots =
  process.env.TTLAB_UPDATE_SCREENSHOTS === '1' ? join(import.meta.dirname, '../../docs/screenshots') : testResults;

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
  const browser = await launchChromium();
  const workbench: Workbench = {
    lab: createLab({ dbFile, spawn: forkTrainer(), poolSize }),
    host: undefined as unknown as RunningHost,
    browser,
    dbFile,
    async open(path = '') {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await context.newPage();
      const problems = watchProblems(page);
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

/**
 * Registers the hooks of the describe block it is called in: before its tests, makes the folder `shots` (when given)
 * for their screenshots and opens a workbench with `poolSize` trainer processes; after them, closes it. Returns the
 * workbench the tests use (valid from the first hook that runs after this one's).
 */
export function useWorkbench(options: { poolSize?: number; shots?: string } = {}): Workbench {
  let opened: Workbench | undefined;
  const current = (): Workbench => {
    if (!opened) throw new Error('the workbench is open only while the tests run');
    return opened;
  };
  beforeAll(async () => {
    if (options.shots) mkdirSync(options.shots, { recursive: true });
    opened = await openWorkbench(options.poolSize);
  });
  afterAll(async () => opened?.close());
  return {
    get lab() {
      return current().lab;
    },
    get host() {
      return current().host;
    },
    get browser() {
      return current().browser;
    },
    get dbFile() {
      return current().dbFile;
    },
    open: (path) => current().open(path),
    restart: () => current().restart(),
    close: () => current().close(),
  };
}

/** Starts a run on `lab` and resolves with its id once the run has finished, however it ended. */
async function runToEnd(lab: Lab, request: Parameters<Lab['handlers']['startRun']>[0]): Promise<string> {
  const finished = new Set<string>();
  let check = () => {};
  const off = lab.events.on('run:status', (event) => {
    if (!finishedStatuses.includes(event.status)) return;
    finished.add(event.runId);
    check();
  });
  try {
    const { runId } = await lab.handlers.startRun(request);
    await new Promise<void>((resolve) => {
      check = () => {
        if (finished.has(runId)) resolve();
      };
      check();
    });
    return runId;
  } finally {
    off();
  }
}

/**
 * Registers a hook, to follow useWorkbench's, that runs `request` on the workbench to its end and expects it done.
 * Returns the run's id, for the tests.
 */
export function useDoneRun(workbench: Workbench, request: Parameters<Lab['handlers']['startRun']>[0]): () => string {
  let runId: string | undefined;
  beforeAll(async () => {
    runId = await runToEnd(workbench.lab, request);
    expect(workbench.lab.store.getRun(runId).status).toBe('done');
  }, 120_000);
  return () => {
    if (runId === undefined) throw new Error('the run is there only while the tests run');
    return runId;
  };
}

/**
 * Resolves with the lab's runs once every one of them has finished: looked at now and after each run that finishes
 * (the store records a run's end before the lab announces it). The runs to wait for must all be created already.
 */
export function allRunsFinished(lab: Lab): Promise<RunSummary[]> {
  return new Promise((resolve, reject) => {
    const look = () =>
      Promise.resolve(lab.handlers.listRuns({})).then((runs) => {
        if (!runs.every((run) => finishedStatuses.includes(run.status))) return;
        off();
        resolve(runs);
      }, reject);
    const off = lab.events.on('run:status', (event) => {
      if (finishedStatuses.includes(event.status)) void look();
    });
    void look();
  });
}

/** The bytes of the download that `action` starts on the page, and the name the page gave it. */
export async function downloaded(
  page: Page,
  action: () => Promise<unknown>,
): Promise<{ name: string; bytes: Uint8Array }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), action()])) as [
    Download,
    unknown,
  ];
  return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync((await download.path())!)) };
}
