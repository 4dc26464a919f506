// `npm run screenshots`: rebuilds the app and reruns the end-to-end tests that photograph the workbench, writing their
// screenshots into docs/screenshots/ instead of test-results/ (where a plain `npm test` leaves them).
import { runSteps } from './checks.mjs';

runSteps(
  [
    ['build', 'npx', ['electron-vite', 'build']],
    ['screenshots', 'npx', ['vitest', 'run', 'test/e2e/designer.test.ts', 'test/e2e/history.test.ts']],
  ],
  { ...process.env, TTLAB_UPDATE_SCREENSHOTS: '1' },
);
