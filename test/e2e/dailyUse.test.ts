/**
 * What someone using the lab every day meets, in Chromium: a run opens at its top, `?` lists the shortcuts and
 * Escape closes what is open, and an axe-core scan of every screen finds no serious or critical violation.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchProblems } from '../support/chromium';
import { canRunBrowser, useWorkbench } from './harness';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe-core violation as the test reports it: rule, impact and the first offending elements. */
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page and returns its serious and critical violations. The page code is text: the tests compile
 * without the DOM's types, which only the renderer may use.
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate("'axe' in window"))) await page.addScriptTag({ path: axeSource });
  return page.evaluate(`(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')) }));
  })()`) as Promise<Violation[]>;
}

const scrollY = (page: Page) => page.evaluate('window.scrollY') as Promise<number>;

describe.runIf(canRunBrowser)('daily use in Chromium', () => {
  const workbench = useWorkbench();
  let runHash = '';

  it('opens a started run at its top, with status and progress in view', async () => {
    const { page, problems } = await workbench.open();
    await page.getByTestId('preset-paper-two-timescale-quick').click();
    const start = page.getByTestId('start-button');
    await start.scrollIntoViewIfNeeded();
    expect(await scrollY(page)).toBeGreaterThan(0);
    await start.click();
    const status = page.getByTestId('status-chip');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/queued|running|done/i);
    expect(await scrollY(page)).toBe(0);
    expect(await status.isVisible()).toBe(true);
    await expect.poll(() => status.textContent(), { timeout: 120_000 }).toMatch(/done/i);
    runHash = new URL(page.url()).hash;
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lists the shortcuts on ?, and Escape closes the list and the run details', async () => {
    const { page, problems } = await workbench.open('#/runs');
    await expect.poll(() => page.getByTestId('run-row').count(), { timeout: 10_000 }).toBe(1);
    const dialog = page.getByTestId('shortcuts-dialog');
    await page.keyboard.press('?');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Start Run');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await page.getByTestId('run-row').first().hover();
    await page
      .getByRole('button', { name: /details/i })
      .first()
      .click();
    const inspector = page.getByTestId('run-inspector');
    await expect.poll(() => inspector.isVisible()).toBe(true);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => inspector.count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['#/new', '#/runs', 'RUN', '#/reproduce'])('finds no serious accessibility violation on %s', async (path) => {
    // axe-core is injected as an inline script, which the page's Content Security Policy rightly refuses: this
    // context alone bypasses it.
    const context = await workbench.browser.newContext({ viewport: { width: 1440, height: 1000 }, bypassCSP: true });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(workbench.host.url + (path === 'RUN' ? runHash : path));
    await page.waitForLoadState('networkidle');
    await page.locator('main.content > *').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Every drawn chart is an image named by its title.
    const charts = page.locator('.chart-card .chart');
    await expect
      .poll(() =>
        charts.evaluateAll(
          (nodes) => nodes.filter((node) => node.querySelector('canvas') && !node.getAttribute('aria-label')).length,
        ),
      )
      .toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
