/**
 * The history screens in Chromium against the real browser-mode host, on a database seeded through the store:
 * opening the history with 10,000 runs, comparing 20 runs of 2,000 checkpoints, a sweep dashboard of 200 runs.
 * Times run from the click (or hash change) to the frame after the result is on screen.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { parseRunConfig, parseSweepSpec, type RunConfig } from '#shared/config/schema';
import { expandSweep } from '#shared/config/sweep';
import type { RunCheckpoint } from '#shared/run/types';
import { startHost } from '../src-main/host/server';
import { forkTrainer } from '../src-main/pool';
import { createLabOnStore } from '../src-main/service/lab';
import { openStore, type RunStore } from '../src-main/store';
import { CHROMIUM_ARGS, chromiumPath, rendererDir } from '../test/e2e/harness';
import type { Figure } from './run';

const HISTORY_RUNS = 10_000;
const COMPARED = 20;
const CHECKPOINTS = 2000;
const REPEATS = 5;

/** A finished run with a made-up outcome derived from i (no trainer involved). */
function finishedRun(
  store: RunStore,
  config: RunConfig,
  name: string,
  i: number,
  sweepId: string | null = null,
): string {
  const runId = store.createRun({ config, name, sweepId });
  store.markRunning(runId, 1000);
  const loss = 0.008 * (1 + ((i * 7919) % 1000) / 100);
  const coverage = config.target.positions.map((position, j) => ({
    position,
    nearestNeuron: j,
    distanceInEta: 0.1,
    covered: (i + j) % 7 !== 0,
  }));
  store.finishRun(runId, 'done', {
    steps: 1000,
    finalLoss: loss,
    bestLoss: 0.9 * loss,
    coverage,
    durationMs: 1000 + i,
  });
  return runId;
}

/** Checkpoints of a smooth made-up trajectory: m neurons drifting, the loss decaying. */
function checkpoints(m: number, count: number, phase: number): RunCheckpoint[] {
  return Array.from({ length: count }, (_, i) => ({
    step: i * 1000,
    tau: i * 1e-5,
    loss: 0.5 * Math.exp(-i / (200 + phase)) + 0.008,
    limitLoss: null,
    covered: Math.min(5, Math.floor(i / 300)),
    a: Float64Array.from({ length: m + 1 }, (_, j) => Math.cos(j + i / 300 + phase)),
    u: Float64Array.from({ length: m }, (_, j) => (j + 0.5) / m + 0.02 * Math.sin(i / 200 + j + phase)),
  }));
}

function seed(store: RunStore) {
  const base = parseRunConfig({ sgd: { h: 1e-3, epsilon: 2e-5 } });
  for (let i = 0; i < HISTORY_RUNS - COMPARED; i++)
    finishedRun(store, { ...base, seed: i, network: { ...base.network, m: 10 + (i % 5) * 10 } }, `bench run ${i}`, i);
  const compared = Array.from({ length: COMPARED }, (_, k) => {
    const runId = finishedRun(
      store,
      { ...base, seed: k % 5, sgd: { ...base.sgd, epsilon: [2e-5, 1e-4, 1e-3, 1e-2][k % 4] } },
      `compared ${k}`,
      k,
    );
    const all = checkpoints(base.network.m, CHECKPOINTS, k);
    for (let first = 0; first < CHECKPOINTS; first += 500)
      store.appendCheckpoints(runId, first, all.slice(first, first + 500));
    return runId;
  });
  const spec = parseSweepSpec({
    name: 'bench sweep',
    base,
    axes: [
      { path: 'sgd.epsilon', values: [2e-5, 1e-4, 1e-3, 1e-2, 0.1] },
      { path: 'network.m', values: [10, 20, 40, 80] },
    ],
    seeds: Array.from({ length: 10 }, (_, s) => s),
  });
  const sweepId = store.createSweep(spec.name, spec);
  expandSweep(spec).forEach((run, i) => {
    const runId = finishedRun(store, run.config, run.label, i, sweepId);
    store.appendCheckpoints(runId, 0, checkpoints(run.config.network.m, 101, i));
  });
  return { compared, sweepId };
}

/**
 * Milliseconds from `start` (a statement run in the page) to the frame after `selector` appears, measured in the page.
 * Written as text: tsx would wrap a function's inner names in a helper the page does not have.
 */
async function timed(page: Page, start: string, selector: string): Promise<number> {
  return page.evaluate(`(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const t0 = performance.now();
    ${start};
    while (!document.querySelector(${JSON.stringify(selector)})) await frame();
    // Drawn in this frame; the next one has painted it.
    await frame();
    await frame();
    return performance.now() - t0;
  })()`) as Promise<number>;
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const round = (ms: number) => Math.round(ms);
const go = (hash: string) => `window.location.hash = ${JSON.stringify(hash)}`;

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ttlab-history-bench-'));
  const store = openStore(join(dir, 'runs.sqlite'));
  const seedStart = performance.now();
  const { compared, sweepId } = seed(store);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const lab = createLabOnStore({ store, spawn: forkTrainer() });
  const host = await startHost({ lab, port: 0, staticDir: rendererDir });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await page.goto(`${host.url}#/new`);
    await page.waitForSelector('[data-testid="nav-runs"]');
    const history: number[] = [];
    let allListed = 0;
    for (let k = 0; k < REPEATS; k++) {
      await page.evaluate(go('#/new'));
      await page.waitForSelector('[data-testid="run-row"]', { state: 'detached' });
      history.push(
        await timed(page, `document.querySelector('[data-testid="nav-runs"]').click()`, '[data-testid="run-row"]'),
      );
      if (k > 0) continue;
      // the first open pages the older runs in behind the first paint: until the note saying so goes away
      const t0 = Date.now();
      await page.waitForSelector('[data-testid="runs-loading-more"]', { state: 'detached' });
      allListed = history[0] + Date.now() - t0;
    }
    const rendered = await page.locator('[data-testid="run-row"]').count();
    const sortMs = await timed(
      page,
      `document.querySelector('[data-testid="sort-finalLoss"]').click()`,
      '[data-testid="sort-finalLoss"] .arrow',
    );
    const compare: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      await page.evaluate(go('#/runs'));
      compare.push(await timed(page, go(`#/compare/${compared.join(',')}`), '[data-testid="compare-loss"] canvas'));
    }
    const sweep: number[] = [];
    const inits: number[] = [];
    for (let k = 0; k < REPEATS; k++) {
      await page.evaluate(go('#/runs'));
      sweep.push(await timed(page, go(`#/sweeps/${sweepId}`), '[data-testid="phase-loss"] canvas'));
      const t0 = Date.now();
      await page.waitForSelector('[data-testid="sweep-inits"] canvas');
      inits.push(Date.now() - t0 + sweep[k]);
    }
    return [
      {
        name: 'seed database (10,220 runs, 60,200 checkpoints, store API)',
        value: Number(seedSeconds.toFixed(1)),
        unit: 's',
      },
      {
        name: 'history: first open with 10,000 runs (listRuns, decode, render), first paint',
        value: round(history[0]),
        unit: 'ms',
        target: '<= 300 ms',
      },
      {
        name: 'history: first open, all 10,000 runs listed (older pages loaded behind the first paint)',
        value: round(allListed),
        unit: 'ms',
      },
      {
        name: 'history: reopen with 10,000 runs (list kept in memory, refetched behind), first paint (median of 5)',
        value: round(median(history)),
        unit: 'ms',
        target: '<= 300 ms',
      },
      { name: 'history: rows in the DOM (virtualised)', value: rendered, unit: 'rows' },
      { name: 'history: sort 10,000 runs by final loss', value: round(sortMs), unit: 'ms' },
      {
        name: 'compare: 20 runs x 2,000 checkpoints, loss chart painted (median of 5)',
        value: round(median(compare)),
        unit: 'ms',
        target: '<= 500 ms',
      },
      {
        name: 'sweep dashboard: 200 runs, box plot and phase diagram painted (median of 5)',
        value: round(median(sweep)),
        unit: 'ms',
        target: '<= 500 ms',
      },
      {
        name: 'sweep dashboard: 200 runs, initialisation panel painted (median of 5)',
        value: round(median(inits)),
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    await host.close();
    await lab.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
