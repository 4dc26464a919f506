/**
 * The history's first load in pages, end to end in Chromium against the real browser-mode host: the newest runs show
 * with a note that older ones are loading, then every run. The page's WebSocket is routed through the test so the
 * older pages wait until the first screen has been checked. Any console error fails the test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCount } from '#shared/base/format';
import { parseRunConfig } from '#shared/config/schema';
import { canRunBrowser, useWorkbench, type Workbench } from './harness';

/** Several pages of runs. */
const RUNS = 2000;

/** RUNS finished runs written through the store, "run 0" the oldest. */
function seed(workbench: Workbench) {
  const { store } = workbench.lab;
  const base = parseRunConfig({ network: { m: 20 }, sgd: { h: 1e-3, epsilon: 2e-5 } });
  for (let i = 0; i < RUNS; i++) {
    const runId = store.createRun({ config: { ...base, seed: i }, name: `run ${i}` });
    store.markRunning(runId, 1000);
    store.finishRun(runId, 'done', {
      steps: 1000,
      finalLoss: 0.01 + (i % 97) / 1000,
      bestLoss: 0.01,
      coverage: [],
      durationMs: 1000 + i,
    });
  }
}

describe.runIf(canRunBrowser)('run history loading in pages, in Chromium', () => {
  const workbench = useWorkbench({ poolSize: 1 });
  beforeAll(() => seed(workbench), 60_000);

  it('shows the newest runs with a loading note, then all of them', async () => {
    const { page, problems } = await workbench.open('#/new');
    // Requests for older pages (listRuns with a cursor) wait here until released; firstPage: the first page's size.
    const held: Array<() => void> = [];
    let holding = true;
    let firstPage = 0;
    await page.routeWebSocket(/\/api/, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        const request = JSON.parse(String(message)) as {
          method?: string;
          params?: { limit?: number; before?: string };
        };
        const older = request.method === 'listRuns' && request.params?.before !== undefined;
        if (request.method === 'listRuns' && !older) firstPage = request.params?.limit ?? RUNS;
        if (holding && older) held.push(() => server.send(message));
        else server.send(message);
      });
    });
    await page.reload();
    await page.click('[data-testid="nav-runs"]');

    const rows = page.locator('[data-testid="run-row"]');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    expect(await rows.first().locator('.name').textContent()).toBe(`run ${RUNS - 1}`);
    const note = page.locator('[data-testid="runs-loading-more"]');
    expect(firstPage).toBeLessThan(RUNS);
    expect(await note.textContent()).toContain(`Loading older runs… ${formatCount(firstPage)} so far`);
    expect(await page.textContent('[data-testid="runs-count"]')).toContain(
      `${formatCount(firstPage)} of ${formatCount(firstPage)} runs`,
    );
    await expect.poll(() => held.length).toBe(1);

    holding = false;
    held.splice(0).forEach((send) => send());
    await expect.poll(() => note.count()).toBe(0);
    expect(await page.textContent('[data-testid="runs-count"]')).toContain(
      `${formatCount(RUNS)} of ${formatCount(RUNS)} runs`,
    );

    // The oldest run is at the bottom of the table, and sorting works on the whole list.
    await page.locator('[data-testid="runs-table"]').evaluate((table) => (table.scrollTop = table.scrollHeight));
    await expect.poll(() => rows.last().locator('.name').textContent()).toBe('run 0');
    await page.click('[data-testid="sort-duration"]');
    await page.locator('[data-testid="runs-table"]').evaluate((table) => (table.scrollTop = 0));
    await expect.poll(() => rows.first().locator('.name').textContent()).toBe('run 0');
    expect(problems).toEqual([]);
  });
});
