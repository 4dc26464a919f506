/** The migration runner (Signal Desktop style): `PRAGMA user_version` is the schema version; pending steps run in one transaction. */
import type Database from 'better-sqlite3';
import { DatabaseTooNewError } from './errors';

/** One step of the schema. */
export interface Migration {
  /** Version the database has after this step; step n runs on a database at version n - 1. */
  readonly version: number;
  /** Short description of the step. */
  readonly name: string;
  up(db: Database.Database): void;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws DatabaseTooNewError when `found` is beyond what this build knows. */
export function assertKnownVersion(file: string, found: number, known: number): void {
  if (found > known) throw new DatabaseTooNewError(file, found, known);
}

/**
 * Brings `db` up to the last migration's version in one immediate transaction: either every pending step applies
 * or none does. Returns the version the database had before.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): number {
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1)
      throw new Error(
        `migration "${migration.name}" is registered at position ${i + 1} but says version ${migration.version}`,
      );
  });
  const upgrade = db.transaction(() => {
    const found = schemaVersion(db);
    assertKnownVersion(file, found, migrations.length);
    for (const migration of migrations.slice(found)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    return found;
  });
  return upgrade.immediate();
}
