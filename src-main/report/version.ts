/**
 * The app's version for report footers and run provenance, read from the project's package.json, found from this
 * module wherever it sits (the sources, a built entry in out/main, or a shared chunk in out/main/chunks).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProjectRoot } from '../provenance/projectRoot';

let version: string | undefined;

/** The version in this app's package.json found from `moduleUrl`, or 'unknown'. */
export function readAppVersion(moduleUrl: string): string {
  const root = findProjectRoot(dirname(fileURLToPath(moduleUrl)));
  if (root === null) return 'unknown';
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

export function appVersion(): string {
  version ??= readAppVersion(import.meta.url);
  return version;
}
