/**
 * Which better-sqlite3 addon the Electron app loads. Packaged, the app's own node_modules copy was rebuilt for
 * Electron by electron-builder. Started from the project folder (npm start), node_modules holds the Node build the
 * tests and the CLI use, so the Electron build saved by `npm run dist` is taken from native/ (scripts/dist.mjs).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The saved addon's name for one platform, CPU and Node ABI; scripts/dist.mjs writes the same name. */
export function electronBindingName(platform: string, arch: string, abi: string): string {
  return `better_sqlite3-${platform}-${arch}-abi${abi}.node`;
}

/** Which build an addon must be: the OS, the CPU and the runtime's Node ABI (Electron 45: 150). */
export interface AddonTarget {
  platform: string;
  arch: string;
  abi: string;
}

const running: AddonTarget = { platform: process.platform, arch: process.arch, abi: process.versions.modules };

/** The addon to pass as `nativeBinding`, or undefined for better-sqlite3's own lookup. */
export function sqliteBinding(appPath: string, isPackaged: boolean, target: AddonTarget = running): string | undefined {
  if (isPackaged) return undefined;
  const file = path.join(appPath, 'native', electronBindingName(target.platform, target.arch, target.abi));
  return fs.existsSync(file) ? file : undefined;
}
