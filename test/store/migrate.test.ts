import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from '../../src-main/store/migrate';
import { migrations, SCHEMA_VERSION } from '../../src-main/store/migrations/index';
import { DatabaseTooNewError, openStore } from '../../src-main/store/index';
import { folderContents, tempFolder } from './helpers';

const createNotes: Migration = {
  version: 1,
  name: 'notes',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT'),
};
const addAuthor: Migration = {
  version: 2,
  name: 'author',
  up: (db) => db.exec("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown'"),
};
const broken: Migration = {
  version: 3,
  name: 'broken',
  up: (db) => db.exec('CREATE TABLE nonsense (x NOT_A_TYPE) STRICT'),
};

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();

describe('migration runner', () => {
  it('brings an empty database to the last version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [createNotes, addAuthor], ':memory:')).toBe(0);
    expect(schemaVersion(db)).toBe(2);
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('hello');
    expect(db.prepare('SELECT author FROM notes').pluck().get()).toBe('unknown');
  });

  it('applies only the pending steps to an older database and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, [createNotes], ':memory:');
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('written by version 1');
    expect(migrate(db, [createNotes, addAuthor], ':memory:')).toBe(1);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT text, author FROM notes').get()).toEqual({
      text: 'written by version 1',
      author: 'unknown',
    });
  });

  it('runs all pending steps in one transaction: a failing step leaves the database as it was', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [createNotes, addAuthor, broken], ':memory:')).toThrow(/NOT_A_TYPE/);
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
  });

  it('refuses a list whose versions are not 1, 2, 3...', () => {
    expect(() => migrate(new Database(':memory:'), [addAuthor], ':memory:')).toThrow(/position 1 but says version 2/);
  });

  it('refuses a database newer than the list', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 5');
    expect(() => migrate(db, [createNotes, addAuthor], 'x.sqlite')).toThrow(DatabaseTooNewError);
    expect(tables(db)).toEqual([]);
  });
});

describe('the real schema', () => {
  it('is numbered in order', () => {
    migrations.forEach((migration, i) => expect(migration.version).toBe(i + 1));
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it('creates STRICT tables with foreign keys on, in WAL mode', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    openStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const strict = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all();
    expect(strict).toEqual([
      { name: 'checkpoints', strict: 1 },
      { name: 'run_states', strict: 1 },
      { name: 'runs', strict: 1 },
      { name: 'sweeps', strict: 1 },
    ]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare("SELECT count(*) FROM pragma_foreign_key_list('checkpoints')").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a database written by a newer app with a clear message, leaving the file untouched', () => {
    const folder = tempFolder();
    const file = path.join(folder, 'runs.sqlite');
    openStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    db.close();
    const before = folderContents(folder);
    const open = () => openStore(file);
    expect(open).toThrow(DatabaseTooNewError);
    expect(open).toThrow(
      `this database was written by a newer version of Two-Timescale Lab (schema ${SCHEMA_VERSION + 3}, this app knows ${SCHEMA_VERSION})`,
    );
    expect(folderContents(folder)).toEqual(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
