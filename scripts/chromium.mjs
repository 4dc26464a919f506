// Finds a Chromium-family browser for the end-to-end tests: TTLAB_CHROMIUM, then the usual install paths.
import { existsSync } from 'node:fs';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium() {
  const configured = process.env.TTLAB_CHROMIUM;
  if (configured) return existsSync(configured) ? configured : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}
