/** Temporary folders for the store tests, and a fingerprint of their contents. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ttlab-store-'));
  folders.push(folder);
  return folder;
}

/** Every file of a folder with the SHA-256 of its bytes, to show that nothing was written, created or removed. */
export function folderContents(folder: string): Record<string, string> {
  const digest = (name: string) =>
    createHash('sha256')
      .update(fs.readFileSync(path.join(folder, name)))
      .digest('hex');
  return Object.fromEntries(fs.readdirSync(folder).map((name) => [name, digest(name)]));
}
