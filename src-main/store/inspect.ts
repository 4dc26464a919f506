/**
 * Looks at a database file without changing a byte of it: the 100-byte SQLite header first (a foreign or truncated
 * file is refused before SQLite touches it), then a read-only connection for the schema version and PRAGMA quick_check.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { errorMessage } from '#shared/base/errors';
import { DatabaseOpenError } from './errors';
import { assertKnownVersion, schemaVersion } from './migrate';
import { APPLICATION_ID } from './migrations/001Initial';

const HEADER_BYTES = 100;
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Files SQLite keeps beside a WAL-mode database. */
const SIDECARS = ['-wal', '-shm'];

type FileState = 'missing' | 'empty' | 'database';

function refuse(file: string, problem: string): DatabaseOpenError {
  return new DatabaseOpenError(`${file} ${problem}; the file was left untouched`);
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    return header.subarray(0, fs.readSync(fd, header, 0, HEADER_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/** Refuses a file whose header is not SQLite's, belongs to another program, or promises more pages than the file has. */
function checkHeader(file: string, header: Buffer, size: number): void {
  if (header.length < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw refuse(file, 'is not a Two-Timescale Lab database (it is not a SQLite file)');
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (
    pageSize < 512 ||
    (pageSize & (pageSize - 1)) !== 0 ||
    header[18] < 1 ||
    header[18] > 2 ||
    header[19] < 1 ||
    header[19] > 2
  ) {
    throw refuse(file, 'is damaged (its SQLite header is invalid)');
  }
  const applicationId = header.readUInt32BE(68);
  if (applicationId !== 0 && applicationId !== APPLICATION_ID) {
    throw refuse(
      file,
      `is another program's SQLite database (application id 0x${applicationId.toString(16)}), not a Two-Timescale Lab database`,
    );
  }
  // The page count at offset 28 is trustworthy only when the change counter (24) matches "version valid for" (92).
  const pageCount = header.readUInt32BE(28);
  const expected = pageCount * pageSize;
  const walSize = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (header.readUInt32BE(24) === header.readUInt32BE(92) && walSize === 0 && size < expected) {
    throw refuse(file, `is damaged: it is truncated (${size} bytes where its header promises ${expected})`);
  }
}

/** Opens read-only, then refuses a database that is too new, foreign, or fails PRAGMA quick_check. */
function checkContents(file: string, knownVersion: number, nativeBinding: string | undefined): void {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    const version = schemaVersion(db);
    assertKnownVersion(file, version, knownVersion);
    const objects = db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (version === 0 && db.pragma('application_id', { simple: true }) === 0 && objects > 0) {
      throw refuse(file, 'is a SQLite database of another program (it has tables but no lab schema version)');
    }
    const problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((row) => row.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok')
      throw refuse(file, `is damaged (${problems.slice(0, 3).join('; ')})`);
  } catch (error) {
    if (error instanceof Database.SqliteError) {
      const damaged = error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB';
      throw refuse(file, `${damaged ? 'is damaged' : 'cannot be read'} (${error.message})`);
    }
    throw error;
  } finally {
    db.close();
  }
}

/**
 * Checks `file` before the store opens it (`nativeBinding` as in OpenOptions); throws DatabaseOpenError (or
 * DatabaseTooNewError) and leaves no -wal/-shm of its own behind when the file is refused.
 */
export function inspectDatabaseFile(file: string, knownVersion: number, nativeBinding?: string): FileState {
  const stats = fs.statSync(file, { throwIfNoEntry: false });
  if (!stats) return 'missing';
  if (!stats.isFile()) throw refuse(file, 'is not a regular file');
  if (stats.size === 0) return 'empty';
  const absentSidecars = SIDECARS.map((suffix) => file + suffix).filter((sidecar) => !fs.existsSync(sidecar));
  try {
    checkHeader(file, readHeader(file), stats.size);
    checkContents(file, knownVersion, nativeBinding);
  } catch (error) {
    for (const sidecar of absentSidecars) fs.rmSync(sidecar, { force: true });
    if (error instanceof DatabaseOpenError) throw error;
    throw refuse(file, `cannot be read (${errorMessage(error)})`);
  }
  return 'database';
}
