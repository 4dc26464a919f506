/** Opens the run database: file checks, connection settings (WAL, foreign keys, busy timeout) and schema migration. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseOpenError, guardWrite } from './errors';
import { inspectDatabaseFile } from './inspect';
import { migrate, schemaVersion } from './migrate';
import { migrations, SCHEMA_VERSION } from './migrations/index';
import { checkImportSchema, checkImportSize } from './importCheck';

const MEMORY = ':memory:';
/** How long a statement on an import source waits for another process's lock before failing, in milliseconds. */
const BUSY_TIMEOUT_MS = 5000;
/**
 * How long a statement on the lab's own database waits for another connection's lock before failing: long enough for
 * the merge thread's one transaction of a large import (mergeThread.ts; 2,000 runs of 101 checkpoints take a few
 * seconds on a loaded machine), so that a write made meanwhile waits for its commit instead of failing.
 */
const LAB_BUSY_TIMEOUT_MS = 60_000;

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
  if (readonly)
    throw new DatabaseOpenError(
      `${file} ${state === 'missing' ? 'does not exist' : 'is empty'}; nothing to open read-only`,
    );
  fs.mkdirSync(path.dirname(file), { recursive: true });
}

function configure(db: Database.Database, file: string, readonly: boolean, journal: OpenOptions['journal']): void {
  db.pragma('foreign_keys = ON');
  if (readonly) {
    const version = schemaVersion(db);
    if (version < SCHEMA_VERSION) {
      throw new DatabaseOpenError(
        `${file} has schema ${version}, older than this app's ${SCHEMA_VERSION}; open it once with write access to upgrade it`,
      );
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
  const db = new Database(file, { readonly, nativeBinding: options.nativeBinding, timeout: LAB_BUSY_TIMEOUT_MS });
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
    if (schemaVersion(db) === 0)
      throw new DatabaseOpenError(`${file} holds no Two-Timescale Lab runs (it has no lab schema)`);
    // Before any row is read: a view or trigger could run any query (see importCheck.ts).
    checkImportSchema(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * A second connection to the lab database `file`, which a store has open (and migrated) already: for the merge
 * thread (mergeWorker.ts), which writes through it while the store's own connection goes on reading. The file keeps
 * its journal mode (WAL for the lab's own database) and nothing is migrated; it waits for the store's writes as long
 * as they wait for it (LAB_BUSY_TIMEOUT_MS), and a read-only store gets a read-only connection.
 */
export function openMergeTarget(
  file: string,
  options: { nativeBinding?: string; readonly?: boolean } = {},
): Database.Database {
  const readonly = options.readonly ?? false;
  const db = new Database(file, {
    readonly,
    fileMustExist: true,
    nativeBinding: options.nativeBinding,
    timeout: LAB_BUSY_TIMEOUT_MS,
  });
  try {
    db.pragma('foreign_keys = ON');
    if (!readonly)
      db.pragma(`synchronous = ${db.pragma('journal_mode', { simple: true }) === 'wal' ? 'NORMAL' : 'FULL'}`);
    if (schemaVersion(db) !== SCHEMA_VERSION)
      throw new DatabaseOpenError(`${file} has schema ${schemaVersion(db)}, not this app's ${SCHEMA_VERSION}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
