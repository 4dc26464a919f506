import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildReason, builtFiles } from '../../scripts/ensure-build.mjs';

let root: string;

/** Writes `path` and dates it, and the folders that now hold it (a folder's time changes when a file is added). */
function write(path: string, secondsAgo: number): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, path);
  const time = Date.now() / 1000 - secondsAgo;
  for (let target = file; target !== root; target = dirname(target)) utimesSync(target, time, time);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ttlab-build-'));
  write('src-main/web.ts', 100);
  write('src-shared/api/contract.ts', 100);
  write('src-renderer/src/App.vue', 100);
  write('electron.vite.config.ts', 100);
  for (const file of builtFiles) write(file, 50);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('buildReason', () => {
  it('is null when every built file is newer than every source', () => {
    expect(buildReason(root)).toBeNull();
  });

  it('notices a deleted source through its folder', () => {
    rmSync(join(root, 'src-shared/api/contract.ts'));
    expect(buildReason(root)).toBe('the sources changed since the last build');
  });

  it('names a missing built file', () => {
    rmSync(join(root, 'out/preload/index.cjs'));
    expect(buildReason(root)).toBe('out/preload/index.cjs is missing');
  });

  it.each([
    'src-shared/math/new-file.ts',
    'src-renderer/src/App.vue',
    'src-main/electron/main.ts',
    'electron.vite.config.ts',
  ])('asks for a build when %s is newer than the oldest built file', (source) => {
    write(source, 10);
    expect(buildReason(root)).toBe('the sources changed since the last build');
  });
});
