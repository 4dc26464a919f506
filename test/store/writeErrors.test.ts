import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/store/connection';
import { DatabaseWriteError, openStore, RunStore } from '../../src-main/store/index';
import { checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';

/** A database with one finished run of 10 checkpoints and, optionally, one left running. */
function savedDatabase(options: { leaveRunning?: boolean } = {}): { file: string; runId: string } {
  const file = path.join(tempFolder(), 'runs.sqlite');
  const store = openStore(file);
  const runId = store.createRun({ config: smallConfig(), name: 'saved' });
  store.appendCheckpoints(runId, 0, checkpoints(0, 10, 4));
  store.finishRun(runId, 'done', {});
  if (options.leaveRunning) store.markRunning(store.createRun({ config: smallConfig(), name: 'left running' }), 100);
  store.close();
  return { file, runId };
}

function expectIntact(file: string, runId: string): void {
  const store = openStore(file);
  expect(store.integrityCheck()).toBe('ok');
  expect(store.getRun(runId)).toMatchObject({ name: 'saved', status: 'done', finalLoss: 0.1 });
  expect(store.getCheckpoints(runId).count).toBe(10);
  store.close();
}

/** Steps that give the test file its permissions back, run last-first. */
const undo: Array<() => void> = [];
const restorePermissions = () =>
  undo
    .splice(0)
    .reverse()
    .forEach((step) => step());
afterEach(restorePermissions);

/**
 * Makes `file` unwritable. chmod is enough for a normal user; root ignores it, so there the file is also made
 * immutable (chattr +i). Returns false when neither is possible here.
 */
function makeReadOnly(file: string): boolean {
  fs.chmodSync(file, 0o444);
  undo.push(() => fs.chmodSync(file, 0o644));
  if (process.getuid?.() !== 0) return true;
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
  } catch {
    return false;
  }
  undo.push(() => execFileSync('chattr', ['-i', file]));
  return true;
}

describe('failed writes', () => {
  it('a store opened read-only refuses writes with DatabaseWriteError', () => {
    const { file, runId } = savedDatabase();
    const store = openStore(file, { readonly: true });
    expect(store.interruptedOnOpen).toBe(0);
    expect(() => store.createRun({ config: smallConfig(), name: 'new' })).toThrow(DatabaseWriteError);
    expect(() => store.updateRun(runId, { name: 'renamed' })).toThrow(
      /could not save the run's changes in .*: the database file or its folder is read-only/,
    );
    expect(() => store.appendCheckpoints(runId, 10, checkpoints(10, 1, 4))).toThrow(DatabaseWriteError);
    expect(() => store.deleteRuns([runId])).toThrow(DatabaseWriteError);
    store.close();
    expectIntact(file, runId);
  });

  it('a read-only file can be read, and writes to it throw DatabaseWriteError', (context) => {
    const { file, runId } = savedDatabase();
    if (!makeReadOnly(file)) context.skip('cannot make a file read-only for root here (no chattr)');
    const store = openStore(file);
    expect(store.listRuns()).toHaveLength(1);
    expect(() => store.createRun({ config: smallConfig(), name: 'new' })).toThrow(DatabaseWriteError);
    expect(() => store.finishRun(runId, 'failed', { error: 'x' })).toThrow(/read-only; data saved before is intact/);
    store.close();
    restorePermissions();
    expectIntact(file, runId);
  });

  it('opening a read-only file that has runs to mark interrupted throws DatabaseWriteError', (context) => {
    const { file, runId } = savedDatabase({ leaveRunning: true });
    if (!makeReadOnly(file)) context.skip('cannot make a file read-only for root here (no chattr)');
    expect(() => openStore(file)).toThrow(/could not mark unfinished runs interrupted/);
    restorePermissions();
    expectIntact(file, runId);
  });

  it('a full disk fails the whole batch with DatabaseWriteError and keeps earlier checkpoints', () => {
    const { file, runId } = savedDatabase();
    const db = openDatabase(file);
    const store = new RunStore(db, file);
    // SQLite reports SQLITE_FULL exactly as for a full disk once the file may not grow any more.
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 8}`);
    expect(() => store.appendCheckpoints(runId, 10, checkpoints(10, 50, 500))).toThrow(
      /could not save checkpoints in .*: the disk is full/,
    );
    expect(store.getCheckpoints(runId).count).toBe(10);
    store.close();
    expectIntact(file, runId);
  });
});
