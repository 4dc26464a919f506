// Builds out/ with `electron-vite build` when a piece is missing or older than the newest source file.
// `node scripts/ensure-build.mjs` is the package's "prepare" script: `npm install` in a checkout builds the workbench
// and the `ttlab` command once, so that neither compiles TypeScript when it starts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const projectRoot = join(import.meta.dirname, '..');

/** What `npm start`, `npm run web` and `ttlab` need from the build. */
export const builtFiles = [
  'out/main/index.js',
  'out/main/web.js',
  'out/main/cli.js',
  'out/main/trainer.js',
  'out/main/reportRenderer.js',
  'out/main/importScanWorker.js',
  'out/main/importMergeWorker.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
const sourceFolders = ['src-main', 'src-shared', 'src-renderer'];
const sourceFiles = ['electron.vite.config.ts', 'package.json'];

/** A folder that exists while one process builds: tests and commands started together must not build over each other. */
const LOCK = 'out/.build-lock';
/** A lock older than this was left by a build that was killed (a build takes seconds). */
const STALE_LOCK_MS = 5 * 60_000;
const LOCK_POLL_MS = 100;

function newestModification(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestModification(join(path, name))),
    info.mtimeMs,
  );
}

/** The reason to build, or null when out/ is complete and newer than every source. */
export function buildReason(root = projectRoot) {
  const missing = builtFiles.find((file) => !existsSync(join(root, file)));
  if (missing) return `${missing} is missing`;
  const builtAt = Math.min(...builtFiles.map((file) => statSync(join(root, file)).mtimeMs));
  const sources = [...sourceFolders, ...sourceFiles].map((path) => join(root, path));
  return sources.some((path) => newestModification(path) > builtAt) ? 'the sources changed since the last build' : null;
}

/** The electron-vite command line, or null where the development dependencies are not installed. */
function electronViteBin() {
  try {
    return join(
      dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
      'bin',
      'electron-vite.js',
    );
  } catch {
    return null;
  }
}

/** Synchronous pause: ensureBuild is synchronous, and its callers have nothing else to do until the build is there. */
function pause(milliseconds) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** Takes the build lock, waiting while another process holds it; false when that process finished the build for us. */
function takeLock(root) {
  const lock = join(root, LOCK);
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > STALE_LOCK_MS)
      rmSync(lock, { recursive: true, force: true });
    pause(LOCK_POLL_MS);
    if (!existsSync(lock) && buildReason(root) === null) return false;
  }
}

/**
 * False when a needed build failed (the build's errors are already printed). `log` receives the one line saying
 * a build starts: `ttlab` sends it to stderr, so that its stdout stays the command's answer.
 */
export function ensureBuild(root = projectRoot, log = console.log) {
  const reason = buildReason(root);
  if (reason === null) return true;
  const electronVite = electronViteBin();
  if (!electronVite) {
    console.error(
      `Cannot build the workbench (${reason}): electron-vite is not installed; run \`npm install\` in the project folder.`,
    );
    return false;
  }
  if (!takeLock(root)) return true;
  try {
    // Checked again under the lock: a build that finished while we waited may have made ours unnecessary.
    const reasonNow = buildReason(root);
    if (reasonNow === null) return true;
    log(`Building the workbench (${reasonNow})...`);
    const result = spawnSync(process.execPath, [electronVite, 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status === 0) return true;
    console.error('The build failed (see above); run `npx electron-vite build` for the full output.');
    return false;
  } finally {
    rmSync(join(root, LOCK), { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // An install without the development dependencies cannot build; `ttlab` then says what to do when it is called.
  if (!electronViteBin()) process.exit(0);
  process.exit(ensureBuild() ? 0 : 1);
}
