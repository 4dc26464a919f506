// `npm run dist [-- electron-builder flags]`: the installers of this OS in release/ (needs the network: Electron, headers).
// electron-builder rebuilds better-sqlite3 for Electron inside node_modules; that build is saved to native/ (which
// `npm start` under Electron loads, see src-main/electron/sqliteBinding.ts) and the Node build is restored for the
// tests and the CLI.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const addonDir = join(root, 'node_modules/better-sqlite3/build/Release');

/** The saved addon's name from @electron/rebuild's marker "<platform>--<arch>--<abi>" (as sqliteBinding.ts names it). */
export function bindingNameFromMarker(marker) {
  const [platform, arch, abi] = marker.trim().split('--');
  if (!platform || !arch || !/^\d+$/.test(abi ?? '')) throw new Error(`unexpected @electron/rebuild marker: ${marker}`);
  return `better_sqlite3-${platform}-${arch}-abi${abi}.node`;
}

function step(label, command, args, env = process.env) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/**
 * The environment without npm's `nodedir` setting: some machines point it at Node's own headers, and node-gyp would
 * then build the "Electron" addon against Node's ABI while reporting success.
 */
export function withoutNodedir(env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => name.toLowerCase() !== 'npm_config_nodedir'));
}

/** Copies the addon electron-builder just rebuilt (its marker is removed after every run, see main). */
function saveElectronAddon() {
  const marker = join(addonDir, '.forge-meta');
  if (!existsSync(marker))
    return console.log('No Electron build of better-sqlite3 to save (electron-builder did not rebuild it).');
  const target = join(root, 'native', bindingNameFromMarker(readFileSync(marker, 'utf8')));
  mkdirSync(join(root, 'native'), { recursive: true });
  copyFileSync(join(addonDir, 'better_sqlite3.node'), target);
  console.log(`Saved the Electron build of better-sqlite3 to ${target}`);
}

function main() {
  let ok = step('build', 'npx', ['electron-vite', 'build']);
  // Started with node rather than npx: npm would put its nodedir setting back into the environment.
  const builder = [
    join(root, 'node_modules/electron-builder/cli.js'),
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    ...process.argv.slice(2),
  ];
  if (ok) ok = step('package', process.execPath, builder, withoutNodedir(process.env));
  saveElectronAddon();
  // Always: node_modules must hold the Node build again, whatever happened above.
  const restored = step('restore the Node build of better-sqlite3', 'npm', ['rebuild', 'better-sqlite3']);
  // A marker left beside the Node build would make the next packaging skip the rebuild and ship the Node build.
  rmSync(join(addonDir, '.forge-meta'), { force: true });
  process.exit(ok && restored ? 0 : 1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
