/**
 * A full-batch run's page in Chromium draws its learned function: the fit panel's canvas holds the curves of both
 * coordinates of a 2-D additive run, in their series colours. Any console error fails the test; the screenshot goes to
 * test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CATEGORICAL } from '#shared/charts/palette';
import { parseRunConfig } from '#shared/config/schema';
import { canRunBrowser, testResults, useWorkbench } from './harness';

/**
 * Pixels of the first canvas inside `testid` within a small distance of the colour `hex`. The page code is text: the
 * tests compile without the DOM's types.
 */
function pixelsOfColour(page: Page, testid: string, hex: string): Promise<number> {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return page.evaluate(`(() => {
    const canvas = document.querySelector('[data-testid="${testid}"] canvas');
    if (!canvas) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 200 && Math.abs(data[i] - ${r}) + Math.abs(data[i + 1] - ${g}) + Math.abs(data[i + 2] - ${b}) < 60) count++;
    }
    return count;
  })()`) as Promise<number>;
}

describe.runIf(canRunBrowser)('a full-batch run in Chromium', () => {
  const workbench = useWorkbench({ poolSize: 1, shots: testResults });

  it('draws the learned function of each coordinate in the fit panel', async () => {
    // The paper's 2-D two-timescale setup (section 5), cut to 600 epochs.
    const config = parseRunConfig({
      trainer: 'full-batch',
      network: { m: 10, eta: 0.01, weights: { kind: 'uniform', scale: 3 } },
      fullBatch: { problem: 'additive', d: 2, n: 1000, lrA: 1, lrU: 0.01, epochs: 600 },
      checkpoints: { kind: 'log', count: 60 },
      rng: 'fast',
    });
    const { runId } = await workbench.lab.handlers.startRun({ config, name: '2-D full batch' });
    const { page, problems } = await workbench.open(`#/runs/${runId}`);
    await expect.poll(() => page.getByTestId('status-chip').textContent(), { timeout: 120_000 }).toMatch(/done/i);
    const fit = page.getByTestId('chart-fit');
    await fit.scrollIntoViewIfNeeded();
    // The chart's accessible name is its title and subtitle.
    const label = () => fit.getAttribute('aria-label');
    await expect
      .poll(label, { timeout: 20_000 })
      .toMatch(
        /^Learned function — checkpoint \d+\/\d+: epoch \d+, criterion \S+ \(g_k: the share learned for coordinate k, 2 coordinates\)$/,
      );
    // A 2-pixel curve across the plot is well over a thousand pixels; a legend swatch is a few dozen.
    for (const colour of CATEGORICAL.slice(0, 2)) {
      await expect.poll(() => pixelsOfColour(page, 'chart-fit', colour), { timeout: 20_000 }).toBeGreaterThan(400);
    }
    await page.screenshot({ path: join(testResults, 'full-batch-run.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 240_000);
});
