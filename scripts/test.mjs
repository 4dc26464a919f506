// `npm test`: type checks, lint, the build the browser tests need, then every vitest suite.
// Browser (end-to-end) tests need a Chromium-family browser; without one they are skipped with one printed line.
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const steps = [
  ['type check (shared)', 'npx', ['tsc', '-p', 'src-shared/tsconfig.json']],
  ['type check (main, tests)', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['type check (renderer)', 'npx', ['vue-tsc', '-p', 'src-renderer/tsconfig.json', '--noEmit']],
  ['lint (layering and style)', 'npx', ['eslint', '.']],
];

const chromium = findChromium();
const vitestArgs = ['vitest', 'run'];
if (chromium) {
  steps.push(['build', 'npx', ['electron-vite', 'build']]);
} else {
  console.log('Skipping the end-to-end browser tests: no Chromium-family browser found. Enable them with `sudo apt-get install chromium` (or set TTLAB_CHROMIUM=/path/to/chrome).');
  vitestArgs.push('--exclude', 'test/e2e/**');
}
steps.push(['tests', 'npx', vitestArgs]);

for (const [label, command, args] of steps) {
  console.log(`\n== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...(chromium ? { TTLAB_CHROMIUM: chromium } : {}) } });
  if (result.status !== 0) {
    console.error(`\nnpm test failed at: ${label}`);
    process.exit(result.status ?? 1);
  }
}
