/**
 * The lab's own folder (the one holding its package.json), found from a module's location: run from sources, built
 * into out/main, or bundled into a shared chunk in out/main/chunks, the module sits two or three folders below it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE_NAME = 'two-timescale-lab';

export function findProjectRoot(moduleDir: string): string | null {
  let folder = moduleDir;
  for (let up = 0; up < 4; up++) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) return folder;
      } catch {
        // not this app's manifest: go on up
      }
    }
    folder = dirname(folder);
  }
  return null;
}
