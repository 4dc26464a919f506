/** Temporary folders for the store tests, a fingerprint of their contents, and import sources. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openStore } from '../../src-main/store';
import { checkpoints, smallConfig } from './fixtures';

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

/**
 * A lab database `other.sqlite` in a fresh folder holding one finished run named 'theirs' with `count` checkpoints,
 * then changed by `tamper` through a raw connection (SQL, or a function given the run's id): a source for an import.
 */
export function tamperedSource(tamper: string | ((db: Database.Database, runId: string) => void) = '', count = 3) {
  const file = path.join(tempFolder(), 'other.sqlite');
  const store = openStore(file);
  const runId = store.createRun({ config: smallConfig(), name: 'theirs' });
  store.appendCheckpoints(runId, 0, checkpoints(0, count, 4));
  store.finishRun(runId, 'done', {});
  store.close();
  if (tamper) {
    const db = new Database(file);
    if (typeof tamper === 'string') db.exec(tamper);
    else tamper(db, runId);
    db.close();
  }
  return file;
}
