/**
 * Saving figures from the UI in Chromium (browser mode): a chart as a vector PDF at the two-column venue's column
 * size chosen in its save menu, and "Export report" as a PDF page of the size chosen beside it and as interactive
 * HTML. Needs the built renderer (npx electron-vite build) and Chromium; skipped otherwise (the harness says why).
 * Screenshots go to test-results/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '#shared/config/schema';
import { canRunBrowser, downloaded, testResults, useDoneRun, useWorkbench } from '../e2e/harness';
import { hasPoppler, pdfInfo, pdfText } from './poppler';

describe.runIf(canRunBrowser && hasPoppler)('figures saved from the UI in Chromium', () => {
  const workbench = useWorkbench({ poolSize: 1, shots: testResults });
  const runId = useDoneRun(workbench, {
    config: parseRunConfig({
      network: { m: 20 },
      sgd: { h: 1e-3, epsilon: 1e-3 },
      duration: { kind: 'tau', tauMax: 0.02 },
    }),
    name: 'Figure probe',
  });

  it('saves the loss chart as a PDF page of the column size chosen in its menu', async () => {
    const { page, problems } = await workbench.open(`#/runs/${runId()}`);
    const chart = page.getByTestId('chart-loss');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('chart-loss-save').click();
    await page.getByTestId('chart-loss-save-size').selectOption('column');
    const box = (await page.getByTestId('chart-loss-save-menu').boundingBox())!;
    await page.screenshot({
      path: join(testResults, 'figure-save-menu.png'),
      clip: { x: box.x - 260, y: box.y - 40, width: box.width + 280, height: box.height + 60 },
    });
    const pdf = await downloaded(page, () => page.getByTestId('chart-loss-save-pdf').click());
    expect(pdf.name).toBe('figure-probe-loss.pdf');
    writeFileSync(join(testResults, 'figure-from-ui.pdf'), pdf.bytes);
    const read = pdfInfo(pdf.bytes);
    expect(Math.abs(read.width - 234)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(read.height - 187.2)).toBeLessThanOrEqual(0.5);
    expect(pdfText(pdf.bytes)).toContain('L2 error L(a,u)');
    expect(problems).toEqual([]);
  });

  it('exports the run report as a PDF page of the column width chosen beside it, and as HTML', async () => {
    const { page, problems } = await workbench.open(`#/runs/${runId()}`);
    await page.getByTestId('export-format').selectOption('pdf');
    await page.getByTestId('export-size').selectOption('column');
    const [button, size] = [
      (await page.getByTestId('export-report').boundingBox())!,
      (await page.getByTestId('export-size').boundingBox())!,
    ];
    const left = Math.max(0, button.x - 20);
    await page.screenshot({
      path: join(testResults, 'figure-export-format.png'),
      clip: { x: left, y: button.y - 20, width: size.x + size.width + 20 - left, height: button.height + 40 },
    });
    const pdf = await downloaded(page, () => page.getByTestId('export-report').click());
    expect(pdf.name).toMatch(/-report\.pdf$/);
    expect(Math.abs(pdfInfo(pdf.bytes).width - 234)).toBeLessThanOrEqual(0.5);
    expect(pdfText(pdf.bytes).replace(/\s+/g, ' ')).toContain('Run report: Figure probe');
    await page.getByTestId('export-format').selectOption('html');
    const html = await downloaded(page, () => page.getByTestId('export-report').click());
    expect(html.name).toMatch(/-report\.html$/);
    expect(new TextDecoder().decode(html.bytes)).toContain('id="report-data"');
    expect(problems).toEqual([]);
  });
});
