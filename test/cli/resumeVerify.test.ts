/**
 * `ttlab resume` and `ttlab verify` as a user runs them: a `ttlab run` killed with SIGKILL mid-run is resumed to the
 * same checkpoints as a run never interrupted; verify says identical (exit 0), names a tampered checkpoint (exit 1),
 * and refuses bad input (exit 2). An interrupted sweep resumes keeping its finished runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { checkpointAt } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';
import { openStore } from '../../src-main/store';
import { firstDifference } from '../run/resumeConfigs';

const bin = join(import.meta.dirname, '../../bin/ttlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ttlab-resume-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const environment = { ...process.env, TTLAB_STATE_INTERVAL_MS: '0', TTLAB_DB: join(dir, 'default.sqlite') };

function ttlab(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: environment, timeout: 240_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Long enough that the kill lands mid-run (it is sent as soon as a state is stored). */
const run = [
  '--preset',
  'paper-two-timescale-quick',
  '--set',
  'duration={"kind":"steps","steps":3000000}',
  '--set',
  'checkpoints.count=301',
  '--seed',
  '11',
];

function stored(db: string, runId: string): RunCheckpoint[] {
  const store = openStore(db, { readonly: true });
  try {
    const series = store.getCheckpoints(runId);
    return Array.from({ length: series.count }, (_, i) => checkpointAt(series, i));
  } finally {
    store.close();
  }
}

/** Resolves once `db` holds a saved state and at least one checkpoint of a run: the condition is polled, not timed. */
async function stateSaved(db: string, child: { exitCode: number | null }): Promise<string> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('the run ended before a state was saved');
    try {
      const database = new Database(db, { readonly: true, fileMustExist: true });
      try {
        const row = database.prepare('SELECT run_id AS runId FROM run_states WHERE checkpoint_count > 2').get() as
          { runId: string } | undefined;
        if (row) return row.runId;
      } finally {
        database.close();
      }
    } catch {
      // not created yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('ttlab resume and ttlab verify', () => {
  const db = join(dir, 'runs.sqlite');
  let killedId = '';

  it('a ttlab run killed with SIGKILL resumes to the same checkpoints as a run never interrupted', async () => {
    const child = spawn(process.execPath, [bin, 'run', ...run, '--db', db], { env: environment, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killedId = await stateSaved(db, child);
    child.kill('SIGKILL');
    await exited;

    const resumed = ttlab('resume', '--run', killedId, '--db', db, '--json');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resuming .* from step \d+ \(checkpoint \d+\)/);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ runId: killedId, status: 'done', steps: 3_000_000 });

    const reference = JSON.parse(ttlab('run', ...run, '--db', db, '--json').stdout) as { runId: string };
    expect(firstDifference(stored(db, reference.runId), stored(db, killedId))).toBeNull();
  }, 300_000);

  it('verify: identical answers exit 0, a checkpoint altered by one ulp exit 1 naming its step, bad input exit 2', () => {
    const identical = ttlab('verify', '--run', killedId, '--db', db);
    expect(identical.code, identical.stderr).toBe(0);
    expect(identical.stdout).toMatch(/^identical: all 301 stored checkpoints replayed bit for bit/);

    const database = new Database(db);
    const { loss, step } = database
      .prepare('SELECT loss, step FROM checkpoints WHERE run_id = ? AND idx = 200')
      .get(killedId) as { loss: number; step: number };
    const bits = new BigInt64Array(Float64Array.of(loss).buffer);
    bits[0] += 1n;
    database
      .prepare('UPDATE checkpoints SET loss = ? WHERE run_id = ? AND idx = 200')
      .run(new Float64Array(bits.buffer)[0], killedId);
    database.close();
    const different = ttlab('verify', '--run', killedId, '--db', db, '--json');
    expect(different.code).toBe(1);
    expect(JSON.parse(different.stdout).firstDifference).toMatchObject({ index: 200, step, metric: 'loss' });

    const unknown = ttlab('verify', '--run', 'no-such-run', '--db', db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('ttlab: --run: run no-such-run not found\n');
    expect(ttlab('verify', '--db', db).code).toBe(2);
  }, 300_000);

  it('resuming a run that is done or unknown is refused and changes nothing', () => {
    const before = stored(db, killedId).length;
    const done = ttlab('resume', '--run', killedId, '--db', db);
    expect(done.code).toBe(2);
    expect(done.stderr).toBe(`ttlab: run ${killedId} is done: it reached its end, there is nothing to resume\n`);
    expect(ttlab('resume', '--run', 'nope', '--db', db).stderr).toBe('ttlab: run nope not found\n');
    expect(stored(db, killedId)).toHaveLength(before);
  }, 120_000);

  it('an interrupted sweep resumes its unfinished runs and keeps the finished ones', () => {
    const sweepDb = join(dir, 'sweep.sqlite');
    const sweep = ttlab(
      'run',
      '--preset',
      'paper-varying-epsilon',
      '--set',
      'duration={"kind":"steps","steps":20000}',
      '--db',
      sweepDb,
      '--json',
    );
    expect(sweep.code, sweep.stderr).toBe(0);
    const { runs } = JSON.parse(sweep.stdout) as { runs: Array<{ runId: string }> };
    const [first, second] = [stored(sweepDb, runs[0].runId), stored(sweepDb, runs[1].runId)];
    // As a killed sweep leaves them: two runs cut short (one with no checkpoint at all), the others finished.
    const database = new Database(sweepDb);
    database.prepare("UPDATE runs SET status = 'interrupted' WHERE id IN (?, ?)").run(runs[0].runId, runs[1].runId);
    database.prepare('DELETE FROM checkpoints WHERE run_id = ? AND idx >= 40').run(runs[0].runId);
    database.prepare('DELETE FROM checkpoints WHERE run_id = ?').run(runs[1].runId);
    const sweepId = database.prepare('SELECT sweep_id FROM runs WHERE id = ?').pluck().get(runs[0].runId) as string;
    const finishedBefore = database
      .prepare("SELECT id, finished_at FROM runs WHERE sweep_id = ? AND status = 'done' ORDER BY id")
      .all(sweepId);
    database.close();

    const resumed = ttlab('resume', '--sweep', sweepId, '--db', sweepDb, '--json');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`sweep ${sweepId}: ${runs.length - 2} runs kept as they finished, 2 resumed`);
    expect(
      (JSON.parse(resumed.stdout) as { runs: Array<{ runId: string; status: string }> }).runs.map((r) => [
        r.runId,
        r.status,
      ]),
    ).toEqual([
      [runs[0].runId, 'done'],
      [runs[1].runId, 'done'],
    ]);
    const after = new Database(sweepDb, { readonly: true });
    expect(
      after
        .prepare(
          "SELECT id, finished_at FROM runs WHERE sweep_id = ? AND status = 'done' AND id NOT IN (?, ?) ORDER BY id",
        )
        .all(sweepId, runs[0].runId, runs[1].runId),
    ).toEqual(finishedBefore);
    after.close();
    expect(first).toHaveLength(101);
    expect(firstDifference(first, stored(sweepDb, runs[0].runId))).toBeNull();
    expect(firstDifference(second, stored(sweepDb, runs[1].runId))).toBeNull();
  }, 300_000);
});
