/**
 * The run history at 1440 px, in Chromium: every column fits its content (long names and tags wrap onto a second
 * line, dates whole), every cell's full value is in its tooltip, a sweep row shows its creation date and says which
 * of its numbers are medians and best values, and search finds sweeps by name and runs inside collapsed sweeps.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig, parseSweepSpec } from '#shared/config/schema';
import { shortDate } from '../../src-renderer/src/lib/historyFormat';
import { allRunsFinished, canRunBrowser, useWorkbench, type Workbench } from './harness';

const SWEEP_NAME = 'reproduce/varying-epsilon (quick tier, second attempt)';

async function seed(workbench: Workbench) {
  const { handlers } = workbench.lab;
  const quick = parseRunConfig({
    network: { m: 20 },
    sgd: { h: 1e-3, epsilon: 1e-2 },
    duration: { kind: 'tau', tauMax: 0.035 },
  });
  const { runId } = await handlers.startRun({
    config: quick,
    name: 'reproduce/replay-two-timescale seed 42 with the exact-arrival integrator',
  });
  await handlers.startSweep({
    sweep: parseSweepSpec({
      name: SWEEP_NAME,
      base: parseRunConfig({ trainer: 'limit', duration: { kind: 'tau', tauMax: 0.035 } }),
      axes: [{ path: 'network.m', values: [12, 24, 48] }],
      seeds: [1, 2, 3, 4],
    }),
  });
  await allRunsFinished(workbench.lab);
  await handlers.updateRun({ runId, tags: ['reproduction', 'two-timescale', 'exact-arrival'] });
  return handlers.listRuns({});
}

/**
 * Cells whose content is cut (wider or taller than the cell) with no tooltip holding all of it, and whether the table
 * scrolls sideways. Names and tags longer than two lines are cut by design, their full text in the tooltip.
 */
function cutCells(page: Page) {
  // Page code as text: the tests compile without the DOM's types. Tags are compared without spaces and commas: they
  // are separate chips in the cell and a list in the tooltip.
  return page.evaluate(`(() => {
    const table = document.querySelector('[data-testid="runs-table"]');
    const words = (text) => (text ?? '').replace(/[\\s,▸▾]+/g, '');
    const cut = [...table.querySelectorAll('.row .cell')]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.scrollHeight > cell.clientHeight + 1)
      .filter((cell) => words(cell.getAttribute('title')) !== words(cell.textContent))
      .map((cell) => cell.className + ': ' + cell.textContent.trim());
    return { cut, sideways: table.scrollWidth > table.clientWidth };
  })()`) as Promise<{ cut: string[]; sideways: boolean }>;
}

describe.runIf(canRunBrowser)('run history at 1440 px', () => {
  const workbench = useWorkbench({ poolSize: 2 });
  let sweepRunNames: string[] = [];

  beforeAll(async () => {
    const runs = await seed(workbench);
    sweepRunNames = runs.filter((run) => run.sweepId !== null).map((run) => run.name);
  }, 180_000);

  it('fits every column, with full values in tooltips, and labels the sweep row', async () => {
    const { page, problems } = await workbench.open('#/runs');
    const sweepRow = page.getByTestId('sweep-row');
    await expect.poll(() => sweepRow.count()).toBe(1);
    await sweepRow.click();
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(13);
    // "12/12 done" in the sweep row's status is the widest status text.
    expect(await cutCells(page)).toEqual({ cut: [], sideways: false });
    // Whatever the clock says now, the widest short date fits its column too.
    const widestDate = shortDate(new Date(2026, 4, 28, 23, 58).toISOString());
    const widestDateFits = await page
      .locator('[data-testid="run-row"] .created')
      .first()
      .evaluate((cell, text) => {
        cell.textContent = text;
        return cell.scrollWidth <= cell.clientWidth;
      }, widestDate);
    expect(widestDateFits).toBe(true);

    const single = page.locator('[data-testid="run-row"]', { hasText: 'exact-arrival integrator' });
    expect(await single.locator('.name').getAttribute('title')).toBe(
      'reproduce/replay-two-timescale seed 42 with the exact-arrival integrator',
    );
    expect(await single.locator('.tags').getAttribute('title')).toBe('reproduction, two-timescale, exact-arrival');
    expect(await single.locator('.created').getAttribute('title')).toMatch(/\d{4}/);

    expect(await sweepRow.getByTestId('sweep-created').textContent()).toMatch(/\d/);
    expect(await sweepRow.getByTestId('sweep-median').textContent()).toMatch(/^median\s*\d/);
    expect(await sweepRow.getByTestId('sweep-best').textContent()).toMatch(/^best\s*\d/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a sweep by its name, and a run inside a collapsed sweep, opening it', async () => {
    const { page, problems } = await workbench.open('#/runs');
    const sweepRow = page.getByTestId('sweep-row');
    await expect.poll(() => sweepRow.count()).toBe(1);
    expect(await sweepRow.getAttribute('aria-expanded')).toBe('false');

    const search = page.getByTestId('runs-search');
    await search.fill('second attempt');
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(12);
    expect(await sweepRow.count()).toBe(1);

    // The search opened the sweep it found runs in; closed again, the next search must open it.
    await expect.poll(() => sweepRow.getAttribute('aria-expanded')).toBe('true');
    await search.fill('');
    await sweepRow.click();
    await expect.poll(() => sweepRow.getAttribute('aria-expanded')).toBe('false');
    await search.fill(sweepRunNames[0]);
    await expect.poll(() => sweepRow.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('run-row').allTextContents()).toEqual([expect.stringContaining(sweepRunNames[0])]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
