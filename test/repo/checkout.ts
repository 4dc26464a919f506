/**
 * The git checkout the tests run in: its root, whether git can read it, and the files it holds. Both repository checks
 * (no machine paths, a fresh clone passes) need the same answers, so they are asked here once.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { extname, join } from 'node:path';

/** root: the folder holding package.json, two levels above this file. */
export const root = realpathSync(join(import.meta.dirname, '../..'));

/** Runs git in the checkout; null when git cannot be started at all. */
export function git(
  args: readonly string[],
  cwd = root,
): { status: number | null; stdout: string; stderr: string } | null {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return null;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Why the repository checks cannot run here (no git, or the project is not its own checkout), or null. */
export function checkoutProblem(): string | null {
  const version = git(['--version']);
  if (version === null || version.status !== 0) return 'git is not installed (install git to enable it)';
  const top = git(['rev-parse', '--show-toplevel']);
  if (top === null || top.status !== 0) return 'the project is not a git checkout (run it from a clone to enable it)';
  if (realpathSync(top.stdout.trim()) !== root) return 'the project is not the root of its git checkout';
  return null;
}

/** Every file the repository would hand to someone else: tracked files plus new files not ignored, that exist. */
export function repositoryFiles(): string[] {
  const listed = (args: string[]): string[] =>
    (git(['ls-files', '-z', ...args])?.stdout ?? '').split('\0').filter(Boolean);
  const files = new Set([...listed([]), ...listed(['--others', '--exclude-standard'])]);
  return [...files].filter((file) => existsSync(join(root, file))).sort();
}

/** Formats that hold no text to read; package-lock.json only repeats registry addresses and hashes. */
const BINARY_EXTENSIONS = new Set([
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.ico',
  '.icns',
  '.ttf',
  '.otf',
  '.woff',
  '.woff2',
  '.zip',
  '.gz',
  '.pdf',
  '.sqlite',
  '.node',
]);
const SKIPPED_NAMES = new Set(['package-lock.json']);

/** The text of a repository file, or null for binaries (by extension, or a NUL byte near the start). */
export function readText(file: string): string | null {
  if (BINARY_EXTENSIONS.has(extname(file).toLowerCase())) return null;
  if (SKIPPED_NAMES.has(file.split('/').pop() ?? '')) return null;
  const bytes = readFileSync(join(root, file));
  if (bytes.subarray(0, 8000).includes(0)) return null;
  return bytes.toString('utf8');
}
