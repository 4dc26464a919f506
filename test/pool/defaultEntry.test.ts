/** The trainer entry is found from the sources, from a built entry, and from a built shared chunk (out/main/chunks). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultEntry } from '../../src-main/pool/forkTrainer';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ttlab-entry-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function touch(path: string): string {
  const file = join(root, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '');
  return file;
}

/** The file URL of a module in `folder`, as defaultEntry takes it. */
function moduleIn(folder: string): string {
  return pathToFileURL(join(root, folder, 'forkTrainer.js')).href;
}

describe('defaultEntry', () => {
  it('is the TypeScript entry when running from the sources', () => {
    const source = touch('src-main/trainer/entry.ts');
    expect(defaultEntry(moduleIn('src-main/pool'))).toBe(source);
  });

  it('is trainer.js beside a built entry (out/main)', () => {
    const built = touch('out/main/trainer.js');
    expect(defaultEntry(moduleIn('out/main'))).toBe(built);
  });

  it('is trainer.js one folder up from a shared chunk (out/main/chunks), as in the built ttlab', () => {
    const built = touch('out/main/trainer.js');
    mkdirSync(join(root, 'out/main/chunks'));
    expect(defaultEntry(moduleIn('out/main/chunks'))).toBe(built);
  });
});
