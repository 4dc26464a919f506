/**
 * Saving from the UI in Chromium (browser mode): a chart as PNG at 2x and as SVG, a run's report zip from the button
 * and from Ctrl+E, the theme toggled with Ctrl+Shift+L, and the "Reproduce the paper" screen started for real.
 * Screenshots of the open save menu and the reproduction go to test-results/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '#shared/config/schema';
import { canRunBrowser, downloaded, testResults, useDoneRun, useWorkbench } from './harness';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe.runIf(canRunBrowser)('exports, shortcuts and the reproduction in Chromium', () => {
  const workbench = useWorkbench({ poolSize: 2, shots: testResults });
  const runId = useDoneRun(workbench, {
    config: parseRunConfig({
      network: { m: 20 },
      sgd: { h: 1e-3, epsilon: 1e-3 },
      duration: { kind: 'tau', tauMax: 0.035 },
    }),
    name: 'Export probe, ε = 0.001',
  });

  it('saves a chart as PNG at 2x and as SVG, exports the run report, and toggles the theme', async () => {
    const { page, problems } = await workbench.open(`#/runs/${runId()}`);
    const chart = page.getByTestId('chart-loss');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const box = (await chart.boundingBox())!;

    await page.getByTestId('chart-loss-save').click();
    await expect.poll(() => page.getByTestId('chart-loss-save-menu').isVisible()).toBe(true);
    await page.screenshot({
      path: join(testResults, 'export-menu.png'),
      clip: { x: box.x - 20, y: box.y - 80, width: box.width + 40, height: 320 },
    });
    const png = await downloaded(page, () => page.getByTestId('chart-loss-save-png2').click());
    expect(png.name).toBe('export-probe-ε-0.001-loss@2x.png');
    writeFileSync(join(testResults, 'export-chart@2x.png'), png.bytes);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png.bytes)).toEqual({ width: Math.round(box.width) * 2, height: Math.round(box.height) * 2 });
    expect(await page.getByTestId('chart-loss-save-menu').count()).toBe(0);

    await page.getByTestId('chart-loss-save').click();
    const svg = await downloaded(page, () => page.getByTestId('chart-loss-save-svg').click());
    expect(svg.name).toBe('export-probe-ε-0.001-loss.svg');
    const text = new TextDecoder().decode(svg.bytes);
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('>Loss<');
    expect(text).toContain('slow time τ');
    writeFileSync(join(testResults, 'export-chart.svg'), svg.bytes);

    const report = await downloaded(page, () => page.getByTestId('export-report').click());
    expect(report.name).toBe(`ttlab-run-${runId().slice(0, 8)}-report.zip`);
    const files = unzipSync(report.bytes);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['report.png', 'report.svg', 'metrics.csv', 'config.json']),
    );
    expect([...files['report.png'].subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(await page.getByTestId('export-report').textContent()).toContain('Export report');

    // Ctrl+E is the same command.
    const again = await downloaded(page, () => page.keyboard.press('Control+e'));
    expect(again.name).toBe(report.name);

    const theme = () => page.locator('html').getAttribute('data-theme');
    const before = await theme();
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(theme).toBe(before === 'dark' ? 'light' : 'dark');
    await page.keyboard.press('Control+Shift+L');
    await expect.poll(theme).toBe(before);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('starts the quick tier from "Reproduce the paper" and follows its experiments', async () => {
    const { page, problems } = await workbench.open();
    await page.getByTestId('nav-reproduce').click();
    await page.getByTestId('reproduce-start').click();
    const statuses = page.getByTestId('reproduce-experiment-status');
    await expect.poll(() => statuses.count(), { timeout: 10_000 }).toBe(8);
    await expect.poll(() => statuses.first().textContent(), { timeout: 10_000 }).toMatch(/running 0 of 1 run|done/);
    expect(await statuses.nth(1).textContent()).toBe('queued');
    // The first experiment (one run, seed 42 replayed) ends with its checks in the table.
    await expect.poll(() => page.getByTestId('reproduce-check').count(), { timeout: 90_000 }).toBeGreaterThan(0);
    expect(await statuses.first().textContent()).toMatch(/^done: /);
    await page.screenshot({ path: join(testResults, 'reproduce.png'), fullPage: true });
    expect(workbench.lab.store.listSweeps().map((sweep) => sweep.name)).toContain(
      'reproduce/replay-two-timescale/quick',
    );
    expect(problems).toEqual([]);
    await page.close();
  }, 150_000);
});
