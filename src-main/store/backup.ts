/** Backups with VACUUM INTO: a consistent, compacted snapshot of the whole database in a new file, itself a valid store. */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { DatabaseWriteError, guardWrite } from './errors';

/** Writes the backup of `db` (the store at `file`) to `target`, which must not exist; a failed backup leaves no file. */
export function backupDatabase(db: Database.Database, file: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    // Claims the name atomically: VACUUM INTO accepts an empty file, and nobody else's file is ever overwritten.
    fs.writeFileSync(target, '', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new DatabaseWriteError(
      `could not back up ${file}: ${target} already exists; a backup never overwrites a file`,
    );
  }
  try {
    guardWrite(target, `write the backup of ${file}`, () => db.prepare('VACUUM INTO ?').run(target));
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
}
