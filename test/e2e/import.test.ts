/** Importing shard databases from the history in Chromium (browser mode reads the path on the lab's machine). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store';
import { smallConfig } from '../store/fixtures';
import { tempFolder } from '../store/helpers';
import { canRunBrowser, testResults, useWorkbench } from './harness';

describe.runIf(canRunBrowser)('the history imports a folder of shard databases', () => {
  const workbench = useWorkbench({ poolSize: 1, shots: testResults });

  it('merges a cluster plan folder typed into the import form and lists its runs', async () => {
    const plan = tempFolder();
    fs.mkdirSync(path.join(plan, 'shards'));
    for (const [shard, seeds] of [
      [0, [0, 2]],
      [1, [1]],
    ] as const) {
      const store = openStore(path.join(plan, 'shards', `shard-${shard}-of-2.sqlite`));
      for (const seed of seeds)
        store.finishRun(
          store.createRun({ config: smallConfig({ seed }), name: `point ${seed}`, id: `plan-p${seed}` }),
          'done',
          {},
        );
      store.close();
    }
    const { page, problems } = await workbench.open('#/runs');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-path').fill(plan);
    await page.getByTestId('import-submit').click();
    await expect
      .poll(() => page.getByTestId('import-result').textContent(), { timeout: 30_000 })
      .toMatch(/Imported 3 runs from 2 files;\s+0 already here; 0 sweeps added\./);
    await expect.poll(() => page.getByTestId('run-row').count(), { timeout: 10_000 }).toBe(3);
    await page.screenshot({ path: path.join(testResults, 'history-import.png') });

    await page.getByTestId('import-path').fill(path.join(plan, 'nowhere'));
    await page.getByTestId('import-submit').click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent(), { timeout: 10_000 })
      .toContain('Nothing was imported: path: nothing at');
    expect(problems).toEqual([]);
  }, 120_000);
});
