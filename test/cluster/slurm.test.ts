/**
 * A real Slurm: a single-node cluster (munged, slurmctld, slurmd from Debian's slurm-wlm and munge) started in a
 * temporary folder. A 24-point sweep planned into 4 tasks is submitted, followed and merged, and every merged run
 * must be bit for bit the run `ttlab run` gives for the same point on this machine.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPER_TARGET } from '#shared/config/schema';

const DAEMONS = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'sinfo', 'scancel'];
const missing = DAEMONS.filter((command) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
if (missing.length > 0) {
  console.log(
    `skipped the real-Slurm test (no ${missing.join(', ')}); enable it with: apt-get install -y --no-install-recommends slurm-wlm munge`,
  );
}

const scripts = join(import.meta.dirname, 'slurm');
const bin = join(import.meta.dirname, '../../bin/ttlab.mjs');

/** 3 epsilons x 8 seeds of a short run on the paper's target: 24 points that train in a fraction of a second each. */
const sweep = {
  name: 'slurm test',
  base: {
    target: PAPER_TARGET,
    network: { m: 20, eta: 4e-3 },
    sgd: { h: 1e-3, epsilon: 0.01, noise: 1 },
    duration: { kind: 'steps', steps: 20_000 },
    checkpoints: { kind: 'even', count: 11 },
  },
  axes: [{ path: 'sgd.epsilon', values: [0.01, 0.1, 1] }],
  seeds: [0, 1, 2, 3, 4, 5, 6, 7],
};

describe.skipIf(missing.length > 0)('a sweep on a real Slurm cluster', () => {
  let root = '';
  const state = () => join(root, 'cluster');
  // The cluster's clients find it through SLURM_CONF; the jobs inherit this environment (sbatch --export=ALL).
  const env = {
    ...process.env,
    SLURM_CONF: '',
    TTLAB_FROM_SOURCE: '1',
    // Ports of this test run's own: two runs at once (two checkouts, two people) must not meet on one port. They stay
    // below Linux's ephemeral range (32768 and up), where an outgoing connection could hold one.
    SLURM_TEST_CTLD_PORT: process.env.SLURM_TEST_CTLD_PORT ?? String(20_000 + 2 * (process.pid % 6_000)),
    SLURM_TEST_SLURMD_PORT: process.env.SLURM_TEST_SLURMD_PORT ?? String(20_001 + 2 * (process.pid % 6_000)),
  };
  const run = (command: string, args: string[], timeout = 120_000) => {
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...env, SLURM_CONF: join(state(), 'slurm.conf') },
      timeout,
    });
    return {
      code: result.status,
      stdout: result.stdout,
      stderr: result.stderr,
      output: `${result.stdout}\n${result.stderr}`,
    };
  };
  const ttlab = (...args: string[]) => run(process.execPath, [bin, ...args]);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ttlab-slurm-'));
    // munged wants every folder above its socket to be enterable by all.
    chmodSync(root, 0o755);
    const started = run(join(scripts, 'start-cluster.sh'), [state()], 90_000);
    if (started.code !== 0) throw new Error(`the test cluster did not start:\n${started.output}`);
  });

  afterAll(() => {
    // Always, whatever happened: the daemons stop by the process ids the start script recorded.
    if (!root) return;
    run(join(scripts, 'stop-cluster.sh'), [state()], 60_000);
    rmSync(root, { recursive: true, force: true });
  });

  it('plans 24 points into 4 tasks, submits, merges, and matches the local run bit for bit', () => {
    const specFile = join(root, 'sweep-spec.json');
    writeFileSync(specFile, JSON.stringify(sweep));
    const plan = join(root, 'plan');
    const planned = ttlab(
      'sweep',
      'plan',
      '--config',
      specFile,
      '--tasks',
      '4',
      '--cpus-per-task',
      '1',
      '--time',
      '00:10:00',
      '--out',
      plan,
    );
    expect(planned.code, planned.output).toBe(0);
    expect(planned.stdout).toContain('24 points in 4 tasks');

    const submitted = ttlab('sweep', 'submit', plan, '--poll', '0.5');
    expect(submitted.code, submitted.output).toBe(0);
    expect(submitted.stdout).toMatch(/merged 4 shards into .*merged\.sqlite/);
    expect(submitted.stdout).toContain('4 done, 0 running, 0 pending, 0 failed of 4 tasks');
    // The merge job ran after the array, on the cluster, before the command merged again (adding nothing).
    const mergeLog = readdirSync(join(plan, 'logs')).find((name) => name.startsWith('merge-'));
    expect(readFileSync(join(plan, 'logs', mergeLog as string), 'utf8')).toMatch(/24 runs added/);
    expect(submitted.stdout).toContain('0 runs added, 24 already present');

    const local = join(root, 'local.sqlite');
    const ranLocally = ttlab('run', '--config', specFile, '--db', local, '--json');
    expect(ranLocally.code, ranLocally.output).toBe(0);

    const merged = new Database(join(plan, 'merged.sqlite'), { readonly: true });
    const here = new Database(local, { readonly: true });
    const runs = (db: Database.Database) =>
      db.prepare('SELECT id, params, status FROM runs ORDER BY params').all() as Array<{
        id: string;
        params: string;
        status: string;
      }>;
    const series = (db: Database.Database, id: string) =>
      db.prepare('SELECT idx, step, loss, a, u FROM checkpoints WHERE run_id = ? ORDER BY idx').all(id);
    expect(merged.prepare('SELECT count(*) FROM sweeps').pluck().get()).toBe(1);
    expect(merged.prepare('SELECT count(*) FROM runs WHERE sweep_id = (SELECT id FROM sweeps)').pluck().get()).toBe(24);
    const clusterRuns = runs(merged);
    const localRuns = runs(here);
    expect(clusterRuns).toHaveLength(24);
    expect(clusterRuns.map((run) => run.params)).toEqual(localRuns.map((run) => run.params));
    clusterRuns.forEach((run, i) => {
      expect(run.status).toBe('done');
      const points = series(merged, run.id);
      expect(points).toHaveLength(11);
      expect(points).toEqual(series(here, localRuns[i].id));
    });
    merged.close();
    here.close();
  }, 150_000);
});
