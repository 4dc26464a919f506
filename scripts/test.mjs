// `npm test`: the static checks (scripts/checks.mjs, also `npm run typecheck`), the build the browser tests need,
// then every vitest suite. Browser (end-to-end) tests need a Chromium-family browser; without one they are skipped
// with one printed line.
import { findChromium } from './chromium.mjs';
import { checks, runSteps } from './checks.mjs';

const chromium = findChromium();
const steps = [...checks];
const vitestArgs = ['vitest', 'run'];
if (chromium) {
  steps.push(['build', 'npx', ['electron-vite', 'build']]);
} else {
  console.log(
    'Skipping the end-to-end browser tests: no Chromium-family browser found. Enable them with `sudo apt-get install chromium` (or set TTLAB_CHROMIUM=/path/to/chrome).',
  );
  vitestArgs.push('--exclude', 'test/e2e/**');
}
steps.push(['tests', 'npx', vitestArgs]);

runSteps(steps, { ...process.env, ...(chromium ? { TTLAB_CHROMIUM: chromium } : {}) });
