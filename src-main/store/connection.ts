/** Opens the run database: file checks, connection settings (WAL, foreign keys, busy timeout) and schema migration. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError, guardWrite } from './errors';
import { inspectDatabaseFile } from './inspect';
import { migrate, schemaVersion } from './migrate';
import { migrations, SCHEMA_VERSION } from './migrations/index';
import { checkImportSchema, checkImportSize } from './import-check';

const MEMORY = ':memory:';
/** How long a statement waits for another process's lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Open for reading only: nothing is migrated or written, and every write throws DatabaseWriteError. */
  readonly?: boolean;
  /** Path of a better-sqlite3 addon built for another ABI (Electron's), passed to better-sqlite3 as is. */
  nativeBinding?: string;
  /**
   * 'wal' (the default) for the lab's own database; 'rollback' (a journal file deleted at each commit) where WAL's
   * shared memory is unsafe, as on the network file systems of clusters, or for a file that is copied while open.
   */
  journal?: 'wal' | 'rollback';
}

/** Refuses what cannot be opened as asked; creates the parent folder of a new database. */
function prepareFile(file: string, readonly: boolean, nativeBinding: string | undefined): void {
  const state = inspectDatabaseFile(file, SCHEMA_VERSION, nativeBinding);
  if (state === 'database') return;
  if (readonly) throw new DatabaseOpenError(`${file} ${state === 'missing' ? 'does not exist' : 'is empty'}; nothing to open read-only`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
}

function configure(db: Database.Database, file: string, readonly: boolean, journal: OpenOptions['journal']): void {
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (readonly) {
    const version = schemaVersion(db);
    if (version < SCHEMA_VERSION) {
      throw new DatabaseOpenError(`${file} has schema ${version}, older than this app's ${SCHEMA_VERSION}; open it once with write access to upgrade it`);
    }
    return;
  }
  guardWrite(file, 'prepare the database', () => {
    if (journal === 'rollback') {
      db.pragma('journal_mode = DELETE');
      db.pragma('synchronous = FULL');
    } else {
      db.pragma('journal_mode = WAL');
      // In WAL mode NORMAL cannot corrupt the database; a power cut may only lose the last commits.
      db.pragma('synchronous = NORMAL');
    }
    migrate(db, migrations, file);
  });
}

/** Returns a connection to `file` (or ':memory:') at this app's schema version; see openStore for the guarantees. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const readonly = options.readonly ?? false;
  if (file !== MEMORY) prepareFile(file, readonly, options.nativeBinding);
  const db = new Database(file, { readonly, nativeBinding: options.nativeBinding, timeout: BUSY_TIMEOUT_MS });
  try {
    configure(db, file, readonly, options.journal);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Opens another lab database to copy runs from: read-only, after the same checks as openStore (a foreign, damaged or
 * newer file throws DatabaseOpenError or DatabaseTooNewError), at any schema version from 1 to this app's.
 * SQLite never writes the database file of a read-only connection; on a WAL-mode file it may leave the -wal and -shm
 * files every reader needs.
 */
export function openImportSource(file: string, nativeBinding?: string): Database.Database {
  prepareFile(file, true, nativeBinding);
  checkImportSize(file);
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding, timeout: BUSY_TIMEOUT_MS });
  try {
    if (schemaVersion(db) === 0) throw new DatabaseOpenError(`${file} holds no Two-Timescale Lab runs (it has no lab schema)`);
    // Before any row is read: a view or trigger could run any query (see import-check.ts).
    checkImportSchema(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
