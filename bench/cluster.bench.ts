/**
 * Sweeps beyond one machine: the same 64-run sweep as 1 shard and as 2 shards running at once on the 2 cores
 * (target: speedup at least 1.8), and merging 10,000 runs of 101 checkpoints from 4 shard databases (target: 10 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pointRunId } from '#shared/cluster/shards';
import { parseRunConfig, parseSweepSpec, PAPER_TARGET } from '#shared/config/schema';
import type { RunCheckpoint } from '#shared/run/types';
import { mergeInto } from '../src-main/cluster/mergeFiles';
import { makePlan, writePlanFolder } from '../src-main/cluster/planFolder';
import { runShard } from '../src-main/cluster/shardRun';
import { openStore } from '../src-main/store';
import type { Figure } from './run';

const MERGED_RUNS = 10_000;
const SHARDS = 4;
const CHECKPOINTS = 101;

/**
 * 64 SGD runs on the paper's target of about 0.3 s each (2 epsilons x 32 seeds): long enough that starting a trainer
 * process (about a second) does not hide how the runs themselves scale.
 */
const sweep = parseSweepSpec({
  name: 'bench shards',
  base: {
    target: PAPER_TARGET,
    network: { m: 20 },
    sgd: { h: 1e-3, epsilon: 2e-5 },
    duration: { kind: 'steps', steps: 5_000_000 },
    checkpoints: { count: 101 },
  },
  axes: [{ path: 'sgd.epsilon', values: [2e-5, 1e-4] }],
  seeds: Array.from({ length: 32 }, (_, i) => i),
});

async function shardSpeedup(root: string): Promise<Figure[]> {
  const time = async (name: string, shards: number) => {
    const folder = join(root, name);
    const plan = makePlan(sweep, { tasks: shards });
    writePlanFolder(folder, plan, join(root, 'bin/ttlab.mjs'));
    const started = performance.now();
    // Each shard on one trainer process, as a 1-CPU array task would run it.
    await Promise.all(
      Array.from({ length: shards }, (_, index) =>
        runShard(folder, plan, { index, count: shards }, { workers: 1, publishEveryMs: 3_600_000 }),
      ),
    );
    return (performance.now() - started) / 1000;
  };
  // The best of two tries each, interleaved: on a shared machine a burst of other work lands on some tries only.
  const tries = { one: [] as number[], two: [] as number[] };
  for (const attempt of ['a', 'b']) {
    tries.one.push(await time(`one-${attempt}`, 1));
    tries.two.push(await time(`two-${attempt}`, 2));
  }
  const one = Math.min(...tries.one);
  const two = Math.min(...tries.two);
  return [
    { name: '64-run sweep, 1 shard on 1 core', value: one, unit: 's' },
    { name: '64-run sweep, 2 shards at once on 2 cores', value: two, unit: 's' },
    { name: 'speedup of 2 shards over 1', value: one / two, unit: 'x', target: '>= 1.8' },
  ];
}

/** 101 checkpoints of a made-up trajectory of m = 20 neurons. */
function trajectory(phase: number): RunCheckpoint[] {
  return Array.from({ length: CHECKPOINTS }, (_, i) => ({
    step: i * 1000,
    tau: i * 1e-5,
    loss: 0.5 * Math.exp(-i / 30) + 0.008 + phase * 1e-9,
    limitLoss: null,
    covered: Math.min(5, i >> 4),
    a: Float64Array.from({ length: 21 }, (_, j) => Math.cos(j + i / 30 + phase)),
    u: Float64Array.from({ length: 20 }, (_, j) => (j + 0.5) / 20 + 0.02 * Math.sin(i / 20 + j + phase)),
  }));
}

function mergeTime(root: string): Figure[] {
  const sweepId = '00000000-0000-4000-8000-000000000000';
  const config = parseRunConfig({ network: { m: 20 } });
  const files = Array.from({ length: SHARDS }, (_, shard) => {
    const file = join(root, `shard-${shard}-of-${SHARDS}.sqlite`);
    const store = openStore(file);
    store.createSweep(sweep.name, sweep, sweepId);
    for (let i = shard; i < MERGED_RUNS; i += SHARDS) {
      const id = store.createRun({
        id: pointRunId(sweepId, i),
        config: { ...config, seed: i },
        name: `point ${i}`,
        sweepId,
        params: { seed: i },
      });
      store.markRunning(id, 100_000);
      store.appendCheckpoints(id, 0, trajectory(i));
      store.finishRun(id, 'done', { durationMs: 100 });
    }
    store.close();
    // Written fast in WAL mode, then turned into what `ttlab sweep run` publishes: a file with a rollback journal.
    openStore(file, { journal: 'rollback' }).close();
    return file;
  });
  const target = join(root, 'merged.sqlite');
  let started = performance.now();
  const cpu = process.cpuUsage();
  const counts = mergeInto(target, files);
  const first = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  if (counts.added !== MERGED_RUNS) throw new Error(`merge added ${counts.added} runs, not ${MERGED_RUNS}`);
  started = performance.now();
  mergeInto(target, files);
  const again = (performance.now() - started) / 1000;
  return [
    {
      name: `merge ${MERGED_RUNS} runs of ${CHECKPOINTS} checkpoints (m = 20) from ${SHARDS} shards`,
      value: first,
      unit: 's',
      target: '<= 10 s',
    },
    // CPU time of the merge: its wall time on an otherwise idle machine, less the waits for the disk.
    { name: 'the same merge, CPU time (user + system)', value: (user + system) / 1e6, unit: 's' },
    { name: 'the same merge again (every run already present)', value: again, unit: 's' },
  ];
}

export async function run(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'ttlab-bench-cluster-'));
  const localDisk = process.env.TMPDIR;
  process.env.TMPDIR = join(root, 'node-local');
  try {
    return [...(await shardSpeedup(root)), ...mergeTime(root)];
  } finally {
    if (localDisk === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = localDisk;
    rmSync(root, { recursive: true, force: true });
  }
}
