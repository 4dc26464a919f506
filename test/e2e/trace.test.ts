/**
 * Traceability in Chromium: a cancelled run shows Resume in the run view and in the history's details; resumed, it
 * finishes; Verify then says the replay is identical; the run's provenance is shown. Screenshots go to test-results/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '#shared/config/schema';
import { canRunBrowser, testResults, useWorkbench } from './harness';

describe.runIf(canRunBrowser)('resume, verify and provenance in Chromium', () => {
  const workbench = useWorkbench({ poolSize: 1, shots: testResults });

  it('resumes a cancelled run from the history and the run view, then verifies it', async () => {
    const { lab } = workbench;
    const config = parseRunConfig({
      network: { m: 20 },
      sgd: { h: 1e-4, epsilon: 0.05, limitBeside: true },
      duration: { kind: 'steps', steps: 40_000_000 },
    });
    const { runId } = await lab.handlers.startRun({ config, name: 'resumable run' });
    // Cancelled once it has recorded checkpoints: it keeps them and its state.
    await new Promise<void>((resolve) => {
      const off = lab.events.on('run:checkpoints', (event) => {
        if (event.runId !== runId) return;
        off();
        resolve();
      });
    });
    const cancelled = new Promise<void>((resolve) => {
      const off = lab.events.on('run:status', (event) => {
        if (event.runId !== runId || event.status !== 'cancelled') return;
        off();
        resolve();
      });
    });
    await lab.handlers.cancelRun({ runId });
    await cancelled;

    const { page, problems } = await workbench.open('#/runs');
    await page.getByTestId('inspect-run').first().click();
    await expect.poll(() => page.getByTestId('inspector-resume').count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('inspector-resume').click();

    // The history's Resume opens the run, which goes on and finishes.
    const status = page.getByTestId('status-chip');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/queued|running|done/i);
    await page.getByTestId('cancel-button').click();
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/cancelled/i);
    await page.getByTestId('resume-button').click();
    await expect
      .poll(() => page.getByTestId('resume-note').textContent(), { timeout: 30_000 })
      .toMatch(/Resumed from step [\d,]+ \(checkpoint \d+\)/);
    await expect.poll(() => status.textContent(), { timeout: 180_000 }).toMatch(/done/i);
    expect(await page.getByTestId('resume-button').count()).toBe(0);

    await page.getByTestId('verify-button').click();
    await expect
      .poll(() => page.getByTestId('verify-result').textContent(), { timeout: 180_000 })
      .toMatch(/^identical: all 101 stored checkpoints replayed bit for bit; same build and machine/);

    const provenance = page.getByTestId('run-provenance');
    await provenance.locator('summary').click();
    const text = (await provenance.textContent()) ?? '';
    expect(text).toMatch(/engine [0-9a-f]{16}/);
    expect(text).toContain(`Node ${process.versions.node}`);
    expect(text).toMatch(/resumed 2/);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(testResults, 'trace-run.png') });
    expect(problems).toEqual([]);
  }, 400_000);
});
