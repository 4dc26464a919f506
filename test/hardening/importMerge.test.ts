/**
 * Off the event loop: the copy of an import runs on a worker thread with its own connection to the lab's database, in
 * one transaction. Meanwhile the store's connection reads (and sees nothing half-copied), a write on it waits for the
 * commit instead of failing, what trainers send waits in the pool and the API's writes wait for the import without
 * blocking, so the event loop never waits for the copy; a merge that fails midway writes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createLab, type Lab } from '../../src-main/service/lab';
import { openStore, type RunStore } from '../../src-main/store';
import { mergeOnThread } from '../../src-main/store/mergeThread';
import type { LabEvents } from '#shared/api/contract';
import { dispatch } from '#shared/api/dispatch';
import { scriptedChild, type ScriptedChild } from '../pool/scriptedChild';
import { checkpoints, smallConfig } from '../store/fixtures';
import { tempFolder } from '../store/helpers';
import { silentChild } from './lab';

const RUNS = 400;

/** A lab database of `runs` finished runs of 40 checkpoints each, ids prefixed by `prefix`: a copy that takes a while. */
function source(prefix: string, runs = RUNS): string {
  const file = join(tempFolder(), `${prefix}.sqlite`);
  const store = openStore(file);
  const rows = checkpoints(0, 40, 4);
  for (let i = 0; i < runs; i++) {
    const runId = store.createRun({ config: smallConfig({ seed: i }), name: `${prefix} ${i}`, id: `${prefix}-${i}` });
    store.appendCheckpoints(runId, 0, rows);
    store.finishRun(runId, 'done', {});
  }
  store.close();
  return file;
}

/** Whether another connection holds `file`'s write lock now: a connection that never waits tries to take it. */
function lockProbe(file: string): { locked(): boolean; close(): void } {
  const probe = new Database(file, { timeout: 0 });
  return {
    locked: () => {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
        return false;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
        throw error;
      }
    },
    close: () => probe.close(),
  };
}

/** Turns the event loop until `condition` holds or `settled` says the import is over; returns whether it held. */
async function turnUntil(condition: () => boolean, settled: () => boolean): Promise<boolean> {
  while (!settled()) {
    if (condition()) return true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return false;
}

/** Resolves once a timer of `intervalMs` has fired `count` times: the event loop went on turning meanwhile. */
function timerFires(count: number, intervalMs: number): Promise<void> {
  return new Promise((resolve) => {
    let fired = 0;
    const timer = setInterval(() => {
      if (++fired < count) return;
      clearInterval(timer);
      resolve();
    }, intervalMs);
  });
}

/** Calls the API method and says whether it has answered yet. */
function request(lab: Lab, method: string, params: unknown) {
  const call = { answered: false, reply: dispatch(lab.handlers, method, params) };
  void call.reply.finally(() => (call.answered = true));
  return call;
}

const stores: RunStore[] = [];
const labs: Lab[] = [];
afterEach(async () => {
  for (const lab of labs.splice(0)) await lab.close();
  for (const store of stores.splice(0)) store.close();
});

describe('the copy of an import on a worker thread', () => {
  it('holds the write lock on its own connection; the store reads meanwhile, and a write waits for the commit instead of failing', async () => {
    const file = join(tempFolder(), 'lab.sqlite');
    const store = openStore(file);
    stores.push(store);
    const live = store.createRun({ config: smallConfig(), name: 'training meanwhile' });
    store.markRunning(live, 1000);
    const probe = lockProbe(file);
    let settled = false;
    const importing = store.importFiles([source('theirs')]).finally(() => (settled = true));
    expect(await turnUntil(probe.locked, () => settled)).toBe(true);
    // Mid-copy: reads answer, and show nothing of the import until it commits.
    expect(store.listRuns().map((run) => run.id)).toEqual([live]);
    // A write waits for the merge's commit (the busy timeout), then goes through: nothing is lost.
    store.appendCheckpoints(live, 0, checkpoints(0, 5, 4));
    expect(probe.locked()).toBe(false);
    probe.close();
    expect(await importing).toMatchObject({ added: RUNS, replaced: 0, present: 0, refused: 0 });
    expect(store.getCheckpoints(live).count).toBe(5);
    expect(store.listRuns()).toHaveLength(RUNS + 1);
    expect(store.getCheckpoints('theirs-7').count).toBe(40);
  });

  it('keeps what a trainer sends while the import holds the lock, without waiting for it, and saves all of it after the commit', async () => {
    const file = join(tempFolder(), 'lab.sqlite');
    const children: ScriptedChild[] = [];
    const lab = createLab({ dbFile: file, spawn: () => children[children.push(scriptedChild()) - 1], poolSize: 1 });
    labs.push(lab);
    const started = await dispatch(lab.handlers, 'startRun', { config: smallConfig() });
    if (!started.ok) throw new Error(started.error.message);
    const { runId } = started.result as { runId: string };
    children[0].emit({ type: 'started', totalSteps: 1000 });
    const saved = new Promise<LabEvents['run:checkpoints']>((resolve) => lab.events.on('run:checkpoints', resolve));

    const probe = lockProbe(file);
    let settled = false;
    const importing = dispatch(lab.handlers, 'importRunsFrom', { path: source('theirs') }).finally(
      () => (settled = true),
    );
    expect(await turnUntil(probe.locked, () => settled)).toBe(true);
    children[0].emit({ type: 'checkpoints', firstIndex: 0, checkpoints: checkpoints(0, 3, 4) });
    // The message was taken without waiting for the commit: the merge still holds the lock, nothing is saved yet.
    expect(probe.locked()).toBe(true);
    probe.close();
    expect(lab.store.getCheckpoints(runId).count).toBe(0);

    expect(await importing).toMatchObject({ ok: true, result: { added: RUNS } });
    expect((await saved).firstIndex).toBe(0);
    expect(lab.store.getCheckpoints(runId).count).toBe(3);
    expect(lab.store.getRun(runId).status).toBe('running');
  });

  it('makes an API call that writes wait for the commit without blocking the event loop, then stores its effect', async () => {
    const file = join(tempFolder(), 'lab.sqlite');
    const lab = createLab({ dbFile: file, spawn: silentChild, poolSize: 1 });
    labs.push(lab);
    const mine = lab.store.createRun({ config: smallConfig(), name: 'mine', id: 'mine' });
    lab.store.finishRun(mine, 'done', {});
    // Another connection holds the write lock: the import's copy waits for it on its thread, for as long as the test
    // wants, and then takes a while of its own (RUNS runs).
    const holder = new Database(file, { timeout: 0 });
    holder.exec('BEGIN IMMEDIATE');
    let imported = false;
    const importing = dispatch(lab.handlers, 'importRunsFrom', { path: source('theirs') }).finally(
      () => (imported = true),
    );
    expect(
      await turnUntil(
        () => lab.store.mergeUnderway() !== null,
        () => imported,
      ),
    ).toBe(true);

    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = request(lab, 'startRun', { config: smallConfig({ seed: 9 }), name: 'asked for meanwhile' });
    const renamed = request(lab, 'updateRun', { runId: mine, name: 'renamed meanwhile' });
    await timerFires(10, 5);
    // The writes wait for the import; reads answer meanwhile, showing neither the writes nor the import.
    expect([started.answered, renamed.answered, imported]).toEqual([false, false, false]);
    expect(await dispatch(lab.handlers, 'listRuns', {})).toMatchObject({
      ok: true,
      result: [{ id: mine, name: 'mine' }],
    });

    holder.exec('ROLLBACK');
    holder.close();
    const answers = Promise.all([started.reply, renamed.reply]).then((replies) => ({ replies, imported }));
    expect(await importing).toMatchObject({ ok: true, result: { added: RUNS } });
    const { replies, imported: importedFirst } = await answers;
    delay.disable();
    expect(importedFirst).toBe(true);
    expect(replies).toMatchObject([{ ok: true }, { ok: true, result: { name: 'renamed meanwhile' } }]);
    const { runId } = (replies[0] as { result: { runId: string } }).result;
    expect(lab.store.getRun(runId)).toMatchObject({ name: 'asked for meanwhile', status: 'queued' });
    expect(lab.store.getRun(mine).name).toBe('renamed meanwhile');
    expect(lab.store.listRuns()).toHaveLength(RUNS + 2);
    // The longest stall of the event loop over the whole wait, the copy's included (nanoseconds).
    expect(delay.max / 1e6).toBeLessThan(200);
  });

  it('writes nothing when a file fails midway, after the files before it were copied', async () => {
    const file = join(tempFolder(), 'lab.sqlite');
    openStore(file).close();
    const good = source('good', 20);
    const bad = source('bad', 20);
    const db = new Database(bad);
    db.prepare("UPDATE runs SET config = json_set(config, '$.sgd.h', -1) WHERE id = 'bad-13'").run();
    db.close();
    const before = readFileSync(file);
    await expect(mergeOnThread(file, [good, bad])).rejects.toMatchObject({
      name: 'StoredDataError',
      message: expect.stringContaining('run bad-13'),
    });
    expect(readFileSync(file)).toEqual(before);
    const store = openStore(file);
    stores.push(store);
    expect(store.listRuns()).toEqual([]);
  });

  it('refuses to write into a store opened read-only, with DatabaseWriteError', async () => {
    const file = join(tempFolder(), 'lab.sqlite');
    openStore(file).close();
    const store = openStore(file, { readonly: true });
    stores.push(store);
    await expect(store.importFiles([source('theirs', 2)])).rejects.toMatchObject({ name: 'DatabaseWriteError' });
    expect(store.listRuns()).toEqual([]);
  });
});
