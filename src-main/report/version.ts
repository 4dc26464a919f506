/** The app's version for report footers: package.json two levels above this module (src-main/report or out/main). */
import { readFileSync } from 'node:fs';

let version: string | undefined;

export function appVersion(): string {
  if (version === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
      version = typeof pkg.version === 'string' ? pkg.version : 'unknown';
    } catch {
      version = 'unknown';
    }
  }
  return version;
}
