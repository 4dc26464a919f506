/**
 * The app's version for report footers and run provenance, read from the project's package.json. This module is the
 * source src-main/report/version.ts, part of a built entry in out/main, or part of a shared chunk in out/main/chunks,
 * so package.json is two or three folders up; the first one that is this app's (by name) counts.
 */
import { readFileSync } from 'node:fs';

const PACKAGE_NAME = 'two-timescale-lab';
const CANDIDATES = ['../../package.json', '../../../package.json'];

let version: string | undefined;

/** The version in this app's package.json found from `moduleUrl`, or 'unknown'. */
export function readAppVersion(moduleUrl: string): string {
  for (const candidate of CANDIDATES) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, moduleUrl), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not there, or not JSON: try the next folder up
    }
  }
  return 'unknown';
}

export function appVersion(): string {
  version ??= readAppVersion(import.meta.url);
  return version;
}
