/**
 * The engine build id: a hash of the code that computes a run's numbers (src-shared's config, math, rng, run and
 * trainers). The build embeds it (electron.vite.config.ts defines __TTLAB_ENGINE_ID__), so the desktop app, browser
 * mode and the built CLI report the same id for the same engine; run from sources, it is computed from the files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { findProjectRoot } from './projectRoot';

/** The folders of src-shared whose code decides the numbers a run produces. */
export const ENGINE_FOLDERS = ['config', 'math', 'rng', 'run', 'trainers'] as const;

declare const __TTLAB_ENGINE_ID__: string | undefined;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** sha256 over the engine's source files (path and content, in sorted order), first 16 hex digits; null without sources. */
export function hashEngineSources(sharedRoot: string): string | null {
  if (!ENGINE_FOLDERS.every((folder) => existsSync(join(sharedRoot, folder)))) return null;
  const files = ENGINE_FOLDERS.flatMap((folder) => sourceFiles(join(sharedRoot, folder))).sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(sharedRoot, file).split(sep).join('/'));
    hash.update('\0');
    // Line endings do not change the engine: a checkout on Windows hashes like one on Linux.
    hash.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

let cached: string | null = null;

/** The id embedded at build time, else the hash of the sources beside this file, else 'unknown'. */
export function engineBuildId(): string {
  if (cached !== null) return cached;
  const embedded = typeof __TTLAB_ENGINE_ID__ === 'string' ? __TTLAB_ENGINE_ID__ : null;
  const root = findProjectRoot(import.meta.dirname);
  cached = embedded ?? (root ? hashEngineSources(join(root, 'src-shared')) : null) ?? 'unknown';
  return cached;
}
