import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src-main/store/migrate';
import { SCHEMA_VERSION } from '../../src-main/store/migrations/index';
import { openStore } from '../../src-main/store/index';
import { smallConfig } from './fixtures';
import { tempFolder } from './helpers';
import { V1_RUNS, writeVersion1Database } from './v1Database';

const runColumns = (db: Database.Database) =>
  db.prepare("SELECT name FROM pragma_table_info('runs')").pluck().all() as string[];

describe('migration 002 (run owner)', () => {
  it('upgrades a schema-1 database, keeping its runs and interrupting the unfinished ones, which have no owner', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    writeVersion1Database(file);
    const before = new Database(file, { readonly: true });
    expect(schemaVersion(before)).toBe(1);
    expect(runColumns(before)).not.toContain('owner');
    before.close();

    const store = openStore(file);
    expect(store.interruptedOnOpen).toBe(2);
    const statuses = Object.fromEntries(store.listRuns().map((run) => [run.id, run.status]));
    expect(statuses).toEqual({ 'v1-done': 'done', 'v1-running': 'interrupted', 'v1-queued': 'interrupted' });
    expect(store.getCheckpoints(V1_RUNS[0].id).count).toBe(5);
    const runId = store.createRun({ config: smallConfig(), name: 'after the upgrade' });
    store.close();

    const after = new Database(file, { readonly: true });
    expect(schemaVersion(after)).toBe(SCHEMA_VERSION);
    expect(runColumns(after)).toEqual(expect.arrayContaining(['owner', 'touched_at']));
    const owners = after.prepare('SELECT id, owner FROM runs').all() as Array<{ id: string; owner: string | null }>;
    expect(owners.filter((row) => row.owner !== null).map((row) => row.id)).toEqual([runId]);
    expect(owners.find((row) => row.id === runId)!.owner).toMatch(new RegExp(`:${process.pid}:[0-9a-f-]{36}$`));
    after.close();
  });

  it('refuses to open a schema-1 database read-only, asking for one opening with write access', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    writeVersion1Database(file);
    expect(() => openStore(file, { readonly: true })).toThrow(
      `has schema 1, older than this app's ${SCHEMA_VERSION}; open it once with write access`,
    );
  });
});
