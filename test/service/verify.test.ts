/** Verify: a stored run trained again from its configuration and seed, compared bit for bit, checkpoint by checkpoint. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunConfig } from '#shared/config/schema';
import { describeVerify } from '#shared/run/verify';
import { openHarness, type Harness } from './labHarness';

/** The next double above x: one unit in the last place. */
function nextUp(x: number): number {
  const bits = new BigInt64Array(Float64Array.of(x).buffer);
  bits[0] += x >= 0 ? 1n : -1n;
  return new Float64Array(bits.buffer)[0];
}

const config = parseRunConfig({
  network: { m: 12 },
  sgd: { h: 1e-3, epsilon: 0.5, limitBeside: true },
  duration: { kind: 'steps', steps: 60_000 },
  checkpoints: { count: 21 },
});

let harness: Harness;
let runId: string;
let dbFile: string;

beforeAll(async () => {
  harness = openHarness(1);
  dbFile = harness.lab.store.file;
  ({ runId } = await harness.lab.handlers.startRun({ config, name: 'to verify' }));
  await harness.reached(runId, 'done');
});

afterAll(() => harness.dispose());

/** Changes the stored database behind the lab's back, as a damaged or tampered file would be. */
function tamper(sql: string, ...params: unknown[]): void {
  const db = new Database(dbFile);
  db.prepare(sql).run(...params);
  db.close();
}

describe('verifying a stored run', () => {
  it('an untouched run replays identically, on the same build and machine', async () => {
    const result = await harness.lab.handlers.verifyRun({ runId });
    expect(result.identical).toBe(true);
    expect(result.compared).toBe(21);
    expect(result.stored).toBe(21);
    expect(result.firstDifference).toBeNull();
    expect(result.provenance.differences).toEqual([]);
    expect(describeVerify(result)).toBe(
      'identical: all 21 stored checkpoints replayed bit for bit; same build and machine as the stored run',
    );
  });

  it('a stored loss altered by one ulp is found, naming the checkpoint, its step and the metric', async () => {
    const { loss, step } = new Database(dbFile, { readonly: true })
      .prepare('SELECT loss, step FROM checkpoints WHERE run_id = ? AND idx = 13')
      .get(runId) as { loss: number; step: number };
    tamper('UPDATE checkpoints SET loss = ? WHERE run_id = ? AND idx = 13', nextUp(loss), runId);
    const result = await harness.lab.handlers.verifyRun({ runId });
    expect(result.identical).toBe(false);
    expect(result.firstDifference).toMatchObject({
      index: 13,
      step,
      metric: 'loss',
      stored: nextUp(loss),
      replayed: loss,
    });
    expect(result.firstDifference!.relativeDifference).toBeGreaterThan(0);
    expect(result.firstDifference!.relativeDifference).toBeLessThan(1e-15);
    expect(result.compared).toBe(14);
    expect(describeVerify(result)).toMatch(new RegExp(`^different: checkpoint 13 \\(step ${step}\\) differs in loss`));
    tamper('UPDATE checkpoints SET loss = ? WHERE run_id = ? AND idx = 13', loss, runId);
  });

  it('a neuron position altered in its blob is named as u[j]', async () => {
    const row = new Database(dbFile, { readonly: true })
      .prepare('SELECT u FROM checkpoints WHERE run_id = ? AND idx = 5')
      .get(runId) as { u: Buffer };
    const u = new Float64Array(row.u.buffer.slice(row.u.byteOffset, row.u.byteOffset + row.u.byteLength));
    u[7] = nextUp(u[7]);
    tamper('UPDATE checkpoints SET u = ? WHERE run_id = ? AND idx = 5', Buffer.from(u.buffer), runId);
    const result = await harness.lab.handlers.verifyRun({ runId });
    expect(result.firstDifference).toMatchObject({ index: 5, metric: 'u[7]' });
    tamper('UPDATE checkpoints SET u = ? WHERE run_id = ? AND idx = 5', row.u, runId);
    expect((await harness.lab.handlers.verifyRun({ runId })).identical).toBe(true);
  });

  it('says when the stored run came from another build or machine', async () => {
    tamper(
      "UPDATE runs SET provenance = json_set(provenance, '$.engineBuildId', 'an-older-engine', '$.hostname', 'cluster-node-7') WHERE id = ?",
      runId,
    );
    const result = await harness.lab.handlers.verifyRun({ runId });
    expect(result.identical).toBe(true);
    expect(
      result.provenance.differences.map((difference) => [difference.kind, difference.field, difference.stored]),
    ).toEqual([
      ['build', 'engineBuildId', 'an-older-engine'],
      ['machine', 'hostname', 'cluster-node-7'],
    ]);
    expect(describeVerify(result)).toMatch(
      /; another build than the stored run \(engine build an-older-engine -> [0-9a-f]{16}, machine cluster-node-7 -> /,
    );
  });

  it('refuses a running run and an unknown one, clearly', async () => {
    const long = await harness.lab.handlers.startRun({
      config: { ...config, duration: { kind: 'steps', steps: 2_000_000_000 } },
    });
    await harness.reached(long.runId, 'running');
    await expect(harness.lab.handlers.verifyRun({ runId: long.runId })).rejects.toThrow(
      `run ${long.runId} is running: verify it once it has finished`,
    );
    await expect(harness.lab.handlers.verifyRun({ runId: 'no-such-run' })).rejects.toThrow('run no-such-run not found');
    harness.lab.handlers.cancelRun({ runId: long.runId });
    await harness.ended(long.runId);
  });
});
