// Module hooks for startup.test.ts: appends every module URL the process loads to the file named at registration.
// Hooks run on their own thread, so they write straight to the file rather than to the main thread.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
