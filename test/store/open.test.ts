import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '#shared/base/errors';
import { DatabaseOpenError, openStore } from '../../src-main/store/index';
import { checkpoints, smallConfig } from './fixtures';
import { folderContents, tempFolder } from './helpers';

/** The first bytes of a PNG image. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex');

/** A real run database with enough checkpoints to span many pages; returns its bytes after a clean close. */
function realDatabaseBytes(): Buffer {
  const file = path.join(tempFolder(), 'source.sqlite');
  const store = openStore(file);
  const runId = store.createRun({ config: smallConfig(), name: 'source' });
  store.appendCheckpoints(runId, 0, checkpoints(0, 200, 50));
  store.close();
  return fs.readFileSync(file);
}

/** Writes `bytes` into a fresh folder, expects openStore to refuse it, and checks that nothing in the folder changed. */
function expectRefused(bytes: Buffer, message: RegExp): void {
  const folder = tempFolder();
  const file = path.join(folder, 'runs.sqlite');
  fs.writeFileSync(file, bytes);
  const before = folderContents(folder);
  for (const readonly of [false, true]) {
    let error: unknown;
    try {
      openStore(file, { readonly }).close();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect(errorMessage(error)).toMatch(message);
    expect(errorMessage(error)).toContain(file);
    expect(folderContents(folder)).toEqual(before);
  }
}

describe('opening a file', () => {
  it('refuses a text file', () =>
    expectRefused(
      Buffer.from('name,loss\nbaseline,0.25\n'.repeat(100)),
      /is not a Two-Timescale Lab database \(it is not a SQLite file\)/,
    ));

  it('refuses PNG bytes', () => expectRefused(Buffer.concat([PNG, Buffer.alloc(4000, 7)]), /not a SQLite file/));

  it('refuses a file shorter than a SQLite header', () =>
    expectRefused(Buffer.from('SQLite format 3\0'), /not a SQLite file/));

  it('refuses a truncated database', () => {
    const bytes = realDatabaseBytes();
    expectRefused(bytes.subarray(0, Math.floor(bytes.length / 2)), /is damaged: it is truncated/);
  });

  it('refuses a database whose pages were overwritten', () => {
    const bytes = Buffer.from(realDatabaseBytes());
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize, 4 * pageSize);
    expectRefused(bytes, /is damaged/);
  });

  it("refuses another program's SQLite database", () => {
    const file = path.join(tempFolder(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE contacts (name TEXT)');
    db.close();
    expectRefused(fs.readFileSync(file), /another program/);
  });

  it('refuses to open a missing file read-only, and creates nothing', () => {
    const folder = tempFolder();
    expect(() => openStore(path.join(folder, 'runs.sqlite'), { readonly: true })).toThrow(/does not exist/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('creates a new database and its parent folders', () => {
    const file = path.join(tempFolder(), 'a', 'b', 'runs.sqlite');
    const store = openStore(file);
    expect(store.file).toBe(file);
    expect(store.listRuns()).toEqual([]);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  it('opens an existing database again, read-only as well', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const store = openStore(file);
    const runId = store.createRun({ config: smallConfig(), name: 'kept' });
    store.close();
    const reader = openStore(file, { readonly: true });
    expect(reader.getRun(runId).name).toBe('kept');
    reader.close();
  });

  it('accepts an empty file as a new database', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    fs.writeFileSync(file, '');
    const store = openStore(file);
    expect(store.integrityCheck()).toBe('ok');
    store.close();
  });
});
