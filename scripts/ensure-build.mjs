// Builds out/ with `electron-vite build` when a piece is missing or older than the newest source file.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '..');

/** What `npm start` and `npm run web` need from the build. */
export const builtFiles = ['out/main/index.js', 'out/main/web.js', 'out/main/trainer.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const sourceFolders = ['src-main', 'src-shared', 'src-renderer'];
const sourceFiles = ['electron.vite.config.ts', 'package.json'];

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestModification(join(path, name))), info.mtimeMs);
}

/** The reason to build, or null when out/ is complete and newer than every source. */
export function buildReason(root = projectRoot) {
  const missing = builtFiles.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...builtFiles.map((file) => statSync(join(root, file)).mtimeMs));
  const sources = [...sourceFolders, ...sourceFiles].map((path) => join(root, path));
  return sources.some((path) => newestModification(path) > builtAt) ? 'the sources changed since the last build' : null;
}

/** False when a needed build failed (the build's errors are already printed). */
export function ensureBuild(root = projectRoot) {
  const reason = buildReason(root);
  if (reason === null) return true;
  console.log(`Building the workbench (${reason})...`);
  const electronVite = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status === 0) return true;
  console.error('The build failed (see above); run `npx electron-vite build` for the full output.');
  return false;
}
