/** Named errors of the run store; they cross process boundaries as `{ name, message }` like every lab error. */
import Database from 'better-sqlite3';

/** The file cannot be used as a run database (not SQLite, another program's database, damaged, missing). */
export class DatabaseOpenError extends Error {
  override readonly name: string = 'DatabaseOpenError';
}

/** The database was written by a newer version of the app; it is left untouched. */
export class DatabaseTooNewError extends DatabaseOpenError {
  override readonly name = 'DatabaseTooNewError';
  constructor(
    readonly file: string,
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `this database was written by a newer version of Two-Timescale Lab (schema ${found}, this app knows ${known}); ` +
        `update the app, or choose another database file than ${file}`,
    );
  }
}

/** Saving failed (read-only file, full disk, I/O error); the transaction was rolled back, earlier data is intact. */
export class DatabaseWriteError extends Error {
  override readonly name = 'DatabaseWriteError';
}

/** A stored row no longer satisfies its schema (edited by hand, or written by a buggy build). */
export class StoredDataError extends Error {
  override readonly name = 'StoredDataError';
}

/** Why SQLite refused a write, in words a user can act on; undefined when the error is not about writing. */
function writeFailureReason(code: string): string | undefined {
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM'))
    return 'the database file or its folder is read-only';
  if (code === 'SQLITE_FULL') return 'the disk is full';
  if (code.startsWith('SQLITE_IOERR')) return `the disk reported an input/output error (${code})`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return 'another program holds the database locked';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the database file can no longer be opened';
  return undefined;
}

/** Runs `write`, turning SQLite's storage failures into a DatabaseWriteError that says what could not be saved. */
export function guardWrite<T>(file: string, action: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    const reason = error instanceof Database.SqliteError ? writeFailureReason(error.code) : undefined;
    if (reason === undefined) throw error;
    throw new DatabaseWriteError(`could not ${action} in ${file}: ${reason}; data saved before is intact`, {
      cause: error,
    });
  }
}
