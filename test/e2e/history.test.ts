/**
 * The run history end to end, in Chromium against the real browser-mode host and a lab with real trainer processes:
 * find a run by search, tag it, compare three runs, open a sweep's box plot and phase diagram. Screenshots
 * (history.png, compare.png, sweep.png) land in test-results/, or docs/screenshots/ with `npm run screenshots`; any
 * console error fails the test.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, parseSweepSpec } from '#shared/config/schema';
import { allRunsFinished, canRunBrowser, docsScreenshots, useWorkbench, type Workbench } from './harness';

const screenshots = docsScreenshots;

/** Three quick SGD runs differing by epsilon, and a sweep of the limit over m and eta with two seeds. */
async function seed(workbench: Workbench) {
  const { handlers } = workbench.lab;
  for (const epsilon of [2e-5, 1e-3, 1e-2]) {
    await handlers.startRun({
      config: parseRunConfig({
        network: { m: 20 },
        sgd: { h: 1e-3, epsilon },
        duration: { kind: 'tau', tauMax: 0.035 },
      }),
      name: `probe eps ${epsilon}`,
    });
  }
  await handlers.startSweep({
    sweep: parseSweepSpec({
      name: 'limit over m and eta',
      base: parseRunConfig({ trainer: 'limit', duration: { kind: 'tau', tauMax: 0.035 } }),
      axes: [
        { path: 'network.m', values: [12, 24, 48] },
        { path: 'network.eta', values: [4e-3, 1e-2] },
      ],
      seeds: [1, 2],
    }),
  });
  return allRunsFinished(workbench.lab);
}

const rows = (page: Page) => page.locator('[data-testid="run-row"]');

describe.runIf(canRunBrowser)('run history in Chromium', () => {
  const workbench = useWorkbench({ poolSize: 2, shots: screenshots });
  beforeAll(() => seed(workbench), 180_000);

  it('finds, tags and compares runs, and shows a sweep dashboard, with no console error', async () => {
    const { page, problems } = await workbench.open('#/runs');
    await expect.poll(() => page.locator('[data-testid="sweep-row"]').count()).toBe(1);
    expect(await rows(page).count()).toBe(3);

    // Find one run by search, then tag it from its details.
    await page.fill('[data-testid="runs-search"]', 'eps 0.001');
    await expect.poll(() => rows(page).count()).toBe(1);
    const runId = (await rows(page).first().getAttribute('data-run-id'))!;
    await rows(page).first().locator('[data-testid="inspect-run"]').click();
    await page.fill('[data-testid="tag-input"]', 'keep');
    await page.press('[data-testid="tag-input"]', 'Enter');
    await expect.poll(() => workbench.lab.store.getRun(runId).tags).toEqual(['keep']);
    await page.fill('[data-testid="inspector-notes"]', 'middle epsilon: loss still falling at the end');
    await expect
      .poll(() => workbench.lab.store.getRun(runId).notes, { timeout: 5000 })
      .toBe('middle epsilon: loss still falling at the end');

    await page.click('[data-testid="inspector-close"]');

    // Select the three SGD runs, then show the whole history with the sweep group open, for the screenshot.
    await page.fill('[data-testid="runs-search"]', 'probe');
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.check('[data-testid="select-all"]');
    await page.fill('[data-testid="runs-search"]', '');
    await page.click('[data-testid="sweep-row"] .name');
    await expect.poll(() => rows(page).count()).toBe(15);
    expect(await page.textContent('[data-testid="selected-count"]')).toBe('3 selected');
    await page.screenshot({ path: join(screenshots, 'history.png') });

    // Compare them.
    await page.click('[data-testid="bulk-compare"]');
    await page.waitForSelector('[data-testid="compare-loss"] canvas');
    expect(await page.locator('[data-testid="compare-row"]').count()).toBe(3);
    // The paper's symbol in words, not the configuration's path (which shows on hover).
    const differing = page.locator('[data-testid="differing-field"]');
    expect((await differing.allTextContents()).map((text) => text.trim())).toEqual(['ε (inner / outer stepsize)']);
    expect(await differing.getAttribute('title')).toBe('sgd.epsilon');
    // Small multiples draw once scrolled into view.
    await page.evaluate('window.scrollTo(0, document.body.scrollHeight)');
    await expect.poll(() => page.locator('[data-testid="small-fit"] canvas').count()).toBe(3);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'compare.png'), fullPage: true });

    // The sweep's dashboard: box plot and phase diagram.
    await page.click('[data-testid="back-to-runs"]');
    await page.click('[data-testid="open-sweep"]');
    await page.waitForSelector('[data-testid="sweep-box"] canvas');
    await page.waitForSelector('[data-testid="phase-convergence"] canvas');
    await page.waitForSelector('[data-testid="phase-loss"] canvas');
    await page.waitForSelector('[data-testid="sweep-inits"] canvas');
    expect(await page.textContent('[data-testid="sweep-name"]')).toBe('limit over m and eta');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, 'sweep.png'), fullPage: true });

    expect(problems).toEqual([]);
  }, 120_000);
});
