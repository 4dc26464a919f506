/**
 * Smoke test of the desktop app itself: Electron starts the built app, a short run is started from the UI and seen to
 * finish. It needs the Electron runtime, a display, the build (out/) and the Electron build of better-sqlite3 that
 * `npm run dist` saves in native/; wherever one is missing it is skipped with one printed line saying which.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectron, withoutRunAsNode } from '../../scripts/electron-runtime.mjs';
import { watchProblems } from '../support/chromium';

const root = join(import.meta.dirname, '../..');
const runtime = await findElectron();

function missing(): string | null {
  if (!('binary' in runtime)) return `the Electron runtime is not installed on this machine (${runtime.reason})`;
  if (!existsSync(join(root, 'out/main/index.js'))) return 'the app is not built (npm run build)';
  const saved = existsSync(join(root, 'native')) ? readdirSync(join(root, 'native')) : [];
  if (!saved.some((name) => name.startsWith(`better_sqlite3-${process.platform}-${process.arch}-`))) {
    return 'no Electron build of better-sqlite3 in native/ (npm run dist saves one)';
  }
  return null;
}

const reason = missing();
if (reason) console.log(`Skipping the Electron smoke test: ${reason}`);

describe.skipIf(reason !== null)('the desktop app', () => {
  let userData: string | undefined;
  let app: ElectronApplication | undefined;
  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('starts a short run and sees it finish, in a sandboxed page without Node', async () => {
    const binary = 'binary' in runtime ? runtime.binary : '';
    userData = mkdtempSync(join(tmpdir(), 'ttlab-electron-'));
    app = await _electron.launch({
      executablePath: binary,
      args: [root, `--user-data-dir=${userData}`],
      env: withoutRunAsNode(process.env) as Record<string, string>,
    });
    const page = await app.firstWindow();
    const problems = watchProblems(page);

    expect(
      await page.evaluate(() => [
        typeof (globalThis as { require?: unknown }).require,
        typeof (globalThis as { process?: unknown }).process,
      ]),
    ).toEqual(['undefined', 'undefined']);
    expect(
      await page.evaluate(() => typeof (globalThis as { lab?: { onMenuCommand?: unknown } }).lab?.onMenuCommand),
    ).toBe('function');

    await page.getByTestId('preset-paper-two-timescale-quick').click();
    await page.getByTestId('start-button').click();
    await expect.poll(() => page.getByTestId('status-chip').textContent(), { timeout: 120_000 }).toMatch(/done/i);
    expect(problems).toEqual([]);
  });
});
