/** Shared by the tests that start the built lab (out/): the build, made once when needed, and a folder of their own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureBuild } from '../../scripts/ensure-build.mjs';

/**
 * Registers the test file's hooks: before its tests, builds out/ when a piece is missing or stale (failing them if the
 * build fails) and makes a temporary folder named `prefix…`; after them, removes the folder. Returns the path of
 * `names` inside that folder (the folder itself without names), for the tests.
 */
export function builtSandbox(prefix: string): (...names: string[]) => string {
  let folder: string | undefined;
  beforeAll(() => {
    expect(ensureBuild(), 'npx electron-vite build failed').toBe(true);
    folder = mkdtempSync(join(tmpdir(), prefix));
  }, 300_000);
  afterAll(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });
  return (...names) => {
    if (folder === undefined) throw new Error('the sandbox exists only while the tests run');
    return join(folder, ...names);
  };
}
