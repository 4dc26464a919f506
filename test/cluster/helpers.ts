/** Small sweeps and synthetic shard databases for the cluster tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { pointRunId } from '#shared/cluster/shards';
import { parseSweepSpec, type SweepSpec } from '#shared/config/schema';
import { openStore } from '../../src-main/store';
import { checkpoints, smallConfig } from '../store/fixtures';

/** A folder for this test file, removed after it. */
export function testFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** 3 epsilons x `seeds` seeds of a 2,000-step SGD run with m = 4: a sweep that trains in a blink. */
export function tinySweep(seeds = 2): SweepSpec {
  return parseSweepSpec({
    name: 'tiny',
    base: smallConfig({ duration: { kind: 'steps', steps: 2000 }, checkpoints: { kind: 'even', count: 5 } }),
    axes: [{ path: 'sgd.epsilon', values: [0.01, 0.1, 1] }],
    seeds: Array.from({ length: seeds }, (_, i) => i + 1),
  });
}

/**
 * A lab database at `file` holding the points `indices` of the sweep `sweepId` as runs with the point's run id,
 * 3 checkpoints each, ended with `status`; `seedOffset` changes the configurations (a different run under the same id).
 */
export function shardDatabase(
  file: string,
  sweepId: string,
  indices: readonly number[],
  status: 'done' | 'interrupted' = 'done',
  seedOffset = 0,
): void {
  // A rollback journal, like the databases `ttlab sweep run` publishes.
  const store = openStore(file, { journal: 'rollback' });
  try {
    const spec = tinySweep();
    store.createSweep(spec.name, spec, sweepId, '2026-01-01T00:00:00.000Z');
    for (const i of indices) {
      const id = store.createRun({
        id: pointRunId(sweepId, i),
        config: smallConfig({ seed: i + seedOffset }),
        name: `point ${i}`,
        sweepId,
        params: { seed: i },
      });
      store.markRunning(id, 1000);
      store.appendCheckpoints(id, 0, checkpoints(i, 3, 4));
      store.finishRun(id, status, { durationMs: 5 });
    }
  } finally {
    store.close();
  }
}
