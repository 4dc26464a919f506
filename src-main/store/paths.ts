/** Where the run database lives by default: Electron's userData folder, computed without importing electron. */
import os from 'node:os';
import path from 'node:path';

/** Electron names the userData folder after the app. */
const APP_NAME = 'Two-Timescale Lab';
export const DATABASE_FILE = 'runs.sqlite';

/**
 * `TTLAB_DB` when set, else `<appData>/Two-Timescale Lab/runs.sqlite` where appData is what Electron's
 * `app.getPath('appData')` gives: `$XDG_CONFIG_HOME` or `~/.config` on Linux, `~/Library/Application Support` on
 * macOS, `%APPDATA%` on Windows.
 */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (env.TTLAB_DB) return path.resolve(env.TTLAB_DB);
  const paths = platform === 'win32' ? path.win32 : path.posix;
  return paths.join(appDataFolder(env, platform, home, paths), APP_NAME, DATABASE_FILE);
}

function appDataFolder(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
  paths: path.PlatformPath,
): string {
  if (platform === 'win32') return env.APPDATA || paths.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return paths.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || paths.join(home, '.config');
}
