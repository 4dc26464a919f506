import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/store/connection';
import { openStore, RunStore } from '../../src-main/store/index';
import { FOREIGN_OWNER_TIMEOUT_MS, isAbandoned, type Here } from '../../src-main/store/ownership';
import { checkpoints, smallConfig } from './fixtures';
import { tempFolder } from './helpers';
import { startWriter } from './writer';

const HOUR = 3_600_000;
const NOW = Date.parse('2024-06-01T12:00:00Z');
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

/** A machine named 'lab' that booted a day ago, in process 100 with one open store, where only processes 100 and 200 exist. */
const here: Here = {
  host: 'lab',
  pid: 100,
  sessions: new Set(['open']),
  bootTime: NOW - 24 * HOUR,
  now: NOW,
  processExists: (pid) => pid === 100 || pid === 200,
};

describe('the abandoned-run rule', () => {
  it('treats a run without a readable owner or last write as abandoned', () => {
    expect(isAbandoned(null, at(0), here)).toBe(true);
    expect(isAbandoned('lab', at(0), here)).toBe(true);
    expect(isAbandoned('lab:200:s', null, here)).toBe(true);
  });

  it('keeps the runs of an open store of this process and drops those of a closed one', () => {
    expect(isAbandoned('lab:100:open', at(30 * HOUR), here)).toBe(false);
    expect(isAbandoned('lab:100:closed', at(0), here)).toBe(true);
  });

  it('asks whether another process of this host still exists', () => {
    expect(isAbandoned('lab:200:s', at(HOUR), here)).toBe(false);
    expect(isAbandoned('lab:300:s', at(0), here)).toBe(true);
  });

  it('drops a run last written before the machine booted, even if its pid is in use again', () => {
    expect(isAbandoned('lab:200:s', at(48 * HOUR), here)).toBe(true);
  });

  it('keeps a run of another host for an hour after its last write', () => {
    expect(isAbandoned('other:200:s', at(FOREIGN_OWNER_TIMEOUT_MS - 1000), here)).toBe(false);
    expect(isAbandoned('other:300:s', at(FOREIGN_OWNER_TIMEOUT_MS + 1000), here)).toBe(true);
  });

  it('reads hostnames that contain colons', () => {
    expect(isAbandoned('fe80::1:200:s', at(0), { ...here, host: 'fe80::1' })).toBe(false);
  });
});

describe('two stores on one file', () => {
  it('does not interrupt the runs of another open store of this process, but does once it is closed', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const first = openStore(file);
    const running = first.createRun({ config: smallConfig(), name: 'running' });
    const queued = first.createRun({ config: smallConfig(), name: 'queued' });
    first.markRunning(running, 1000);
    const second = openStore(file);
    expect(second.interruptedOnOpen).toBe(0);
    expect(second.getRun(running).status).toBe('running');
    expect(second.getRun(queued).status).toBe('queued');
    first.appendCheckpoints(running, 0, checkpoints(0, 3, 4));
    first.close();
    second.close();
    const third = openStore(file);
    expect(third.interruptedOnOpen).toBe(2);
    expect(third.getRun(running)).toMatchObject({ status: 'interrupted', finalLoss: 1 / 3, steps: 20 });
    third.close();
  });

  it("leaves a live writer process's run running, and interrupts it once the process is killed", async () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const writer = startWriter(file);
    const runId = await writer.saved(20);
    const neighbour = openStore(file);
    expect(neighbour.interruptedOnOpen).toBe(0);
    expect(neighbour.getRun(runId).status).toBe('running');
    // The writer goes on saving while the neighbour is open, so its run really was left alone.
    await writer.saved(100);
    expect(neighbour.getRun(runId).status).toBe('running');
    neighbour.close();
    await writer.kill();

    const next = openStore(file);
    expect(next.interruptedOnOpen).toBe(1);
    expect(next.getRun(runId)).toMatchObject({
      status: 'interrupted',
      error: 'the lab stopped before this run finished',
    });
    next.close();
  });

  it('interrupts a run left by another machine only after an hour without writes', () => {
    const file = path.join(tempFolder(), 'runs.sqlite');
    const db = openDatabase(file);
    const store = new RunStore(db, file);
    const [fresh, stale] = ['fresh', 'stale'].map((name) => store.createRun({ config: smallConfig(), name }));
    const setOwner = db.prepare(
      "UPDATE runs SET status = 'running', owner = 'elsewhere.example:4242:session', touched_at = ? WHERE id = ?",
    );
    setOwner.run(new Date(Date.now() - 60_000).toISOString(), fresh);
    setOwner.run(new Date(Date.now() - FOREIGN_OWNER_TIMEOUT_MS - 60_000).toISOString(), stale);
    store.close();
    const reopened = openStore(file);
    expect(reopened.interruptedOnOpen).toBe(1);
    expect(reopened.getRun(fresh).status).toBe('running');
    expect(reopened.getRun(stale).status).toBe('interrupted');
    reopened.close();
  });
});
