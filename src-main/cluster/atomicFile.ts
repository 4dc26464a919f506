/** Files that readers on other machines see whole or not at all: written beside their place, then renamed into it. */
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A name in the same folder (rename is atomic only within one file system) that no other writer uses. */
function stagingName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.partial`);
}

/** Puts whatever `stage(staging)` writes at `file` in one rename; a failure leaves `file` as it was. */
export function replaceAtomically(file: string, stage: (staging: string) => void): void {
  mkdirSync(dirname(file), { recursive: true });
  const staging = stagingName(file);
  try {
    stage(staging);
    renameSync(staging, file);
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }
}

export function writeFileAtomically(file: string, data: string | Uint8Array): void {
  replaceAtomically(file, (staging) => writeFileSync(staging, data));
}

export function copyFileAtomically(from: string, to: string): void {
  replaceAtomically(to, (staging) => copyFileSync(from, staging));
}
