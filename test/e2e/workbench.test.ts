/**
 * The vertical slice in Chromium: pick a preset, start it, watch the loss chart grow live, see the run in the list,
 * reload, open it again. Any console error fails the test. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRunBrowser, testResults, useWorkbench } from './harness';

describe.runIf(canRunBrowser)('workbench in Chromium (browser mode)', () => {
  const workbench = useWorkbench({ shots: testResults });

  it('starts a preset, streams it live, lists it, and reopens it after a reload and a restart', async () => {
    const batches: number[] = [];
    workbench.lab.events.on('run:checkpoints', (event) => batches.push(event.series.count));
    const { page, problems } = await workbench.open();
    await page.getByTestId('preset-paper-two-timescale-quick').click();
    // h = 1e-4 makes 17.5 M steps: a few seconds, long enough to see the chart grow.
    await page.getByTestId('field-h').fill('1e-4');
    await page.getByTestId('start-button').click();

    const status = page.getByTestId('status-chip');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/running|done/i);
    const chart = page.getByTestId('chart-loss');
    await expect.poll(() => chart.locator('canvas, svg').count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // Checkpoints stream to the page in several batches while the run trains (not all at the end).
    await expect.poll(() => batches.length, { timeout: 60_000 }).toBeGreaterThan(1);
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/done/i);
    await page.screenshot({ path: join(testResults, 'workbench-run.png'), fullPage: true });

    await page.getByTestId('nav-runs').click();
    const rows = page.getByTestId('run-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('done');

    await page.reload();
    await page.getByTestId('nav-runs').click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(1);

    expect(problems).toEqual([]);
    await page.close();
    await workbench.restart();
    const reopened = await workbench.open('#/runs');
    const again = reopened.page.getByTestId('run-row');
    await expect.poll(() => again.count(), { timeout: 10_000 }).toBe(1);
    await again.first().click();
    await expect
      .poll(() => reopened.page.getByTestId('status-chip').textContent(), { timeout: 10_000 })
      .toMatch(/done/i);
    await expect
      .poll(() => reopened.page.getByTestId('chart-neurons').locator('canvas, svg').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await reopened.page.screenshot({ path: join(testResults, 'workbench-reopened.png'), fullPage: true });

    expect(reopened.problems).toEqual([]);
  });
});
