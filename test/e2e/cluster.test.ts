/**
 * The app's cluster parts in Chromium against the browser-mode host: "Run on a cluster…" in the sweep builder shows the
 * login-node commands and downloads the hand-off zip; the dashboard of a partly merged cluster sweep names the points
 * still missing. Needs Chromium and the built renderer (see test/e2e/harness.ts, which says why when it skips).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseSweepSpec } from '#shared/config/schema';
import { sweepSize } from '#shared/config/sweep';
import { canRunBrowser, useWorkbench } from './harness';
import { shardDatabase, testFolder } from '../cluster/helpers';

describe.runIf(canRunBrowser)('the cluster parts of the workbench', () => {
  const root = testFolder('ttlab-cluster-app-');
  const workbench = useWorkbench();

  it('downloads the hand-off of a sweep preset with the commands for the login node', async () => {
    const { page, problems } = await workbench.open();
    await page.getByTestId('preset-paper-varying-epsilon').click();
    await page.getByTestId('cluster-plan').locator('summary').click();
    await page.getByTestId('cluster-tasks').fill('100');
    await expect.poll(() => page.getByTestId('cluster-error').textContent()).toContain('--tasks: at most 60');
    await page.getByTestId('cluster-tasks').fill('6');
    await page.getByTestId('cluster-time').fill('01:00:00');
    await expect
      .poll(() => page.getByTestId('cluster-commands').textContent())
      .toContain('ttlab sweep plan --config sweep-spec.json --tasks 6 --cpus-per-task 1 --time 01:00:00');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cluster-download').click()]);
    const zip = join(root, download.suggestedFilename());
    await download.saveAs(zip);
    const files = unzipSync(readFileSync(zip));
    const specFile = Object.keys(files).find((name) => name.endsWith('/sweep-spec.json')) as string;
    expect(sweepSize(parseSweepSpec(JSON.parse(strFromU8(files[specFile]))))).toBe(60);
    expect(problems).toEqual([]);
  });

  it('shows which points of a partly merged cluster sweep are missing', async () => {
    const sweepId = randomUUID();
    const shard = join(root, 'shard-0-of-2.sqlite');
    shardDatabase(shard, sweepId, [0, 1, 2, 4]);
    workbench.lab.store.mergeFrom([shard]);
    const { page, problems } = await workbench.open(`#/sweeps/${sweepId}`);
    await expect
      .poll(() => page.getByTestId('sweep-missing').textContent(), { timeout: 20_000 })
      .toContain('2 of 6 points have no result yet');
    expect(await page.getByTestId('sweep-missing').locator('li').allTextContents()).toEqual([
      'point 3: sgd.epsilon=0.1, seed=2',
      'point 5: sgd.epsilon=1, seed=2',
    ]);
    expect(problems).toEqual([]);
  });
});
