/**
 * The designer and the live run view in Chromium against the real browser-mode host and a real lab: edit the target in
 * the table and on the chart, start a short run and watch the four charts and the progress, scrub and play, cancel a
 * second run, run a sweep of 6 short runs to the end. Any console error fails the test. Screenshots of the designer
 * and of a finished live view go to test-results/ (docs/screenshots/ with `npm run screenshots`).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TARGET_GRID } from '../../src-renderer/src/lib/designerTargetChart';
import { canRunBrowser, docsScreenshots, useWorkbench } from './harness';

const shots = docsScreenshots;
const CHARTS = ['chart-loss', 'chart-neurons', 'chart-fit', 'chart-weights'];

/** Pixel centre of a target handle at data (x, y), for a chart whose level axis spans [low, high]. */
async function handlePixel(page: Page, x: number, y: number, [low, high]: [number, number]) {
  const box = (await page.getByTestId('target-chart').boundingBox())!;
  const width = box.width - TARGET_GRID.left - TARGET_GRID.right;
  const height = box.height - TARGET_GRID.top - TARGET_GRID.bottom;
  return { x: box.x + TARGET_GRID.left + x * width, y: box.y + TARGET_GRID.top + ((high - y) / (high - low)) * height };
}

async function drag(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(from.x + (dx * i) / 8, from.y + (dy * i) / 8);
  await page.mouse.up();
}

const inputValue = (page: Page, id: string) => page.getByTestId(id).inputValue();

describe.runIf(canRunBrowser)('experiment designer and live run view in Chromium', () => {
  const workbench = useWorkbench({ shots });

  it('designs, runs live, scrubs, cancels and sweeps', async () => {
    const { page, problems } = await workbench.open();
    await page.getByTestId('preset-paper-two-timescale-quick').click();
    await expect.poll(() => inputValue(page, 'field-h')).toBe('0.001');

    // Target in the table: move the jump at 0.5 to 0.55 and make it smaller; the theory panel follows.
    await page.getByTestId('jump-position-2').fill('0.55');
    await page.getByTestId('jump-position-2').press('Tab');
    await page.getByTestId('jump-value-2').fill('1.5');
    await expect.poll(() => page.getByTestId('theory-jump').textContent()).toContain('1.5');
    await page.getByTestId('add-jump').click();
    await expect.poll(() => page.locator('[data-testid^="jump-row-"]').count()).toBe(6);
    await page.getByTestId('jump-remove-0').click();
    await page.getByTestId('paper-target').click();
    await expect.poll(() => inputValue(page, 'jump-position-2')).toBe('0.5');

    // On the chart: the paper target's levels 1..5 give a level axis [0, 6]; drag the jump at 0.2 to the right and
    // the level of the piece [0.5, 0.65] (3) up.
    await expect.poll(() => page.getByTestId('target-chart').locator('canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await drag(page, await handlePixel(page, 0.2, 3, [0, 6]), 30, 0);
    await expect.poll(async () => Number(await inputValue(page, 'jump-position-0'))).toBeGreaterThan(0.23);
    expect(Number(await inputValue(page, 'jump-position-0'))).toBeLessThan(0.35);
    await drag(page, await handlePixel(page, 0.575, 3, [0, 6]), 0, -25);
    await expect.poll(async () => Number(await inputValue(page, 'jump-value-2'))).toBeGreaterThan(2);
    await page.getByTestId('paper-target').click();
    await page.screenshot({ path: join(shots, 'designer.png'), fullPage: true });

    // A short run: 17.5 M steps at h = 1e-4.
    await page.getByTestId('field-h').fill('1e-4');
    await page.getByTestId('run-name').fill('designer e2e run');
    await page.getByTestId('start-button').click();
    const status = page.getByTestId('status-chip');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/running|done/i);
    for (const id of CHARTS)
      await expect.poll(() => page.getByTestId(id).locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const progress = page.getByTestId('progress');
    await expect
      .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => status.textContent(), { timeout: 180_000 }).toMatch(/done/i);
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');

    // Scrub back to checkpoint 11, then play.
    const scrubber = page.getByTestId('scrubber');
    await expect.poll(async () => Number(await scrubber.getAttribute('max'))).toBe(100);
    await scrubber.fill('10');
    await expect.poll(() => page.getByTestId('playback-position').textContent()).toMatch(/^11 \/ 101$/);
    await page.getByTestId('play-button').click();
    await expect
      .poll(async () => Number((await page.getByTestId('playback-position').textContent())!.split('/')[0]), {
        timeout: 10_000,
      })
      .toBeGreaterThan(11);
    await page.getByTestId('play-button').click();
    await scrubber.fill('100');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(shots, 'live-run.png'), fullPage: true });

    // A long run (175 M steps), cancelled while it runs.
    await page.getByTestId('nav-new').click();
    await page.getByTestId('preset-paper-two-timescale-quick').click();
    await page.getByTestId('field-h').fill('1e-5');
    await page.getByTestId('start-button').click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/running/i);
    await page.getByTestId('cancel-button').click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/cancelled/i);

    // A sweep of 3 values of epsilon times 2 seeds, each run 350,000 steps.
    await page.getByTestId('nav-new').click();
    await page.getByTestId('preset-paper-two-timescale-quick').click();
    await page.getByTestId('field-tauMax').fill('0.007');
    await page.getByTestId('sweep-enabled').check();
    await page.getByTestId('sweep-add-axis').click();
    await page.getByTestId('sweep-list-0').fill('1e-5, 2e-5, 4e-5');
    await page.getByTestId('sweep-seeds').fill('2');
    await expect.poll(() => page.getByTestId('sweep-run-count').textContent()).toBe('6');
    await expect.poll(() => page.getByTestId('start-button').textContent()).toContain('6 runs');
    const before = workbench.lab.store.listRuns().length;
    await page.getByTestId('start-button').click();
    const swept = () => workbench.lab.store.listRuns().filter((run) => run.sweepId !== null);
    await expect.poll(() => swept().length, { timeout: 30_000 }).toBe(6);
    await expect.poll(() => swept().filter((run) => run.status === 'done').length, { timeout: 180_000 }).toBe(6);
    expect(workbench.lab.store.listRuns().length).toBe(before + 6);

    expect(problems).toEqual([]);
  });
});
