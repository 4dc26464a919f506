// Finds a runnable Electron binary without hanging: Electron 45 fetches its binary on first use, which fails offline.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** How long the first-launch download may take, when to say it is under way, and how long `--version` may take. */
const DOWNLOAD_TIMEOUT_MS = 120_000;
const DOWNLOAD_NOTICE_MS = 2_000;
const VERSION_TIMEOUT_MS = 10_000;

/** The binary the electron package points at, if it is already on disk. */
function installedBinary(packageDir) {
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** What require('electron') does on first use, in a child so that a failure or a hang cannot take us down. */
function download(packageDir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      stdio: 'ignore',
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    // Offline, the download fails within a second: say nothing then. A real download takes a while: say so.
    const notice = setTimeout(() => console.log('Fetching the Electron runtime (first launch)...'), DOWNLOAD_NOTICE_MS);
    const done = (ok) => {
      clearTimeout(notice);
      resolve(ok);
    };
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

/**
 * `{ binary }` when Electron can start here, else `{ reason }` in a few words. `packageDir` is the electron package
 * folder (node_modules/electron); tests pass a fake one.
 */
export async function findElectron(packageDir = electronPackageDir(), env = process.env) {
  if (!packageDir) return { reason: 'the electron package is not installed' };
  const binary = installedBinary(packageDir) ?? ((await download(packageDir)) ? installedBinary(packageDir) : null);
  if (!binary) return { reason: 'cannot be downloaded on this machine' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)
    return { reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  const version = spawnSync(binary, ['--version'], {
    stdio: 'ignore',
    timeout: VERSION_TIMEOUT_MS,
    env: withoutRunAsNode(env),
  });
  return version.status === 0 ? { binary } : { reason: 'the binary does not run here' };
}

function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** ELECTRON_RUN_AS_NODE would turn the app into a plain Node process. */
export function withoutRunAsNode(env) {
  const { ELECTRON_RUN_AS_NODE: _ignored, ...rest } = env;
  return rest;
}
