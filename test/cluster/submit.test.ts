/** `ttlab sweep submit / status / --retry` against a fake sbatch and squeue on PATH. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePlan, writePlanFolder } from '../../src-main/cluster/planFolder';
import { submitShards } from '../../src-main/cluster/submit';
import { readSubmissions } from '../../src-main/cluster/submissions';
import { testFolder, tinySweep } from './helpers';

const root = testFolder('ttlab-submit-');
const bin = join(import.meta.dirname, '../../bin/ttlab.mjs');
const fakeBin = join(root, 'bin');
mkdirSync(fakeBin);
for (const command of ['sbatch', 'squeue']) {
  writeFileSync(
    join(fakeBin, command),
    `#!/bin/sh\nexec "${process.execPath}" "${join(import.meta.dirname, 'fake-slurm.mjs')}" ${command} "$@"\n`,
  );
  chmodSync(join(fakeBin, command), 0o755);
}

/** A plan folder with 6 points in 4 tasks, and a fresh fake Slurm playing `scenario`. */
function setup(name: string, scenario: object, maxArraySize?: number) {
  const folder = join(root, name);
  const slurm = join(root, `${name}-slurm`);
  mkdirSync(slurm);
  writeFileSync(join(slurm, 'scenario.json'), JSON.stringify(scenario));
  writePlanFolder(folder, makePlan(tinySweep(2), { tasks: 4, maxArraySize }), '/opt/lab/bin/ttlab.mjs');
  // From the sources: the test does not depend on (or trigger) a build of the CLI.
  const env = { ...process.env, PATH: `${fakeBin}:${process.env.PATH}`, FAKE_SLURM_DIR: slurm, TTLAB_FROM_SOURCE: '1' };
  const ttlab = (...args: string[]) => {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const calls = () =>
    readFileSync(join(slurm, 'calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
  return { folder, ttlab, calls, env };
}

describe('ttlab sweep submit', () => {
  it('follows the tasks, reports a task that fails and one that never starts, and --retry resubmits just those', () => {
    const { folder, ttlab, calls } = setup('retry', {
      jobs: {
        100: {
          snapshots: [
            { '100_0': 'PENDING', '100_1': 'PENDING', '100_2': 'PENDING', '100_3': 'PENDING' },
            { '100_0': 'RUNNING', '100_1': 'RUNNING', '100_2': 'PENDING', '100_3': 'PENDING' },
            // Task 3 never starts: Slurm drops it (cancelled while pending) and it leaves no results.
            { '100_0': 'COMPLETED', '100_1': 'COMPLETED', '100_2': 'RUNNING' },
            { '100_0': 'COMPLETED', '100_1': 'COMPLETED', '100_2': 'FAILED' },
          ],
          complete: [0, 1],
        },
        101: { snapshots: [{ 101: 'PENDING' }, { 101: 'PENDING' }, { 101: 'PENDING' }, { 101: 'COMPLETED' }] },
        102: {
          snapshots: [
            { '102_2': 'RUNNING', '102_3': 'RUNNING' },
            { '102_2': 'COMPLETED', '102_3': 'COMPLETED' },
          ],
          complete: [2, 3],
        },
        103: { snapshots: [{ 103: 'COMPLETED' }] },
      },
    });
    const first = ttlab('sweep', 'submit', folder, '--poll', '0.01');
    expect(first.stdout).toContain('submitted 4 tasks as job 100, merge job 101');
    // Not a terminal: one line per change of a task's state, in order.
    const lines = first.stderr.split('\n');
    const order = (task: number) =>
      lines.filter((line) => line.startsWith(`task ${task}:`)).map((line) => line.split(' ')[2]);
    expect(order(0)).toEqual(['pending', 'running', 'done']);
    expect(order(2)).toEqual(['pending', 'running', 'failed']);
    expect(order(3)).toEqual(['pending', 'failed']);
    expect(first.stdout).toMatch(/task 2: failed, failed, 1 points missing/);
    expect(first.stdout).toMatch(/task 3: failed, never started, or left no results/);
    expect(first.stdout).toContain(`ttlab sweep submit ${folder} --retry`);
    expect(first.code).toBe(1);
    expect(calls().filter((call) => call[0] === 'sbatch')).toEqual([
      ['sbatch', '--parsable', '--array=0-3', '--export=ALL,TTLAB_TASK_OFFSET=0', join(folder, 'job.sbatch')],
      ['sbatch', '--parsable', '--dependency=afterany:100', join(folder, 'merge.sbatch')],
    ]);

    const status = ttlab('sweep', 'status', folder);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('task 0: done        2/2 points job 100_0');
    expect(status.stdout).toContain('2 done, 0 running, 0 pending, 2 failed of 4 tasks');

    const again = ttlab('sweep', 'submit', folder);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/was submitted already.*--retry/);

    const retry = ttlab('sweep', 'submit', folder, '--retry', '--poll', '0.01');
    expect(retry.stdout).toContain('submitted 2 tasks as job 102, merge job 103');
    expect(retry.stdout).toContain('4 done, 0 running, 0 pending, 0 failed of 4 tasks');
    expect(retry.code).toBe(0);
    expect(
      calls()
        .filter((call) => call[0] === 'sbatch')
        .slice(2),
    ).toEqual([
      ['sbatch', '--parsable', '--array=2-3', '--export=ALL,TTLAB_TASK_OFFSET=0', join(folder, 'job.sbatch')],
      ['sbatch', '--parsable', '--dependency=afterany:102', join(folder, 'merge.sbatch')],
    ]);
    expect(ttlab('sweep', 'submit', folder, '--retry').stdout).toContain('nothing to resubmit: 4 done');
  });

  it("shows Slurm's refusal as Slurm said it", () => {
    const refusal = 'sbatch: error: Batch job submission failed: Invalid partition name specified';
    const { folder, ttlab } = setup('refused', { refuse: refusal });
    const result = ttlab('sweep', 'submit', folder);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(refusal);
    // Nothing was accepted, so nothing is recorded: submitting again is allowed.
    expect(
      readSubmissions(folder, JSON.parse(readFileSync(join(folder, 'sweep.json'), 'utf8')).sweepId).rounds,
    ).toEqual([]);
  });

  it('splits the tasks into arrays below MaxArraySize, the merge job waiting for all of them', () => {
    const { folder, calls, env } = setup('split', {}, 3);
    const path = process.env.PATH;
    Object.assign(process.env, { PATH: env.PATH, FAKE_SLURM_DIR: env.FAKE_SLURM_DIR });
    try {
      const plan = JSON.parse(readFileSync(join(folder, 'sweep.json'), 'utf8'));
      const round = submitShards(folder, plan, [0, 1, 2, 3], { sweepId: plan.sweepId, rounds: [] });
      expect(round.arrays).toEqual([
        { jobId: '100', offset: 0, shards: [0, 1, 2] },
        { jobId: '101', offset: 3, shards: [3] },
      ]);
      expect(round.mergeJobId).toBe('102');
    } finally {
      process.env.PATH = path;
    }
    expect(calls().map((call) => call.slice(2, 3)[0])).toEqual([
      '--array=0-2',
      '--array=0',
      '--dependency=afterany:100:101',
    ]);
    expect(calls()[1][3]).toBe('--export=ALL,TTLAB_TASK_OFFSET=3');
    rmSync(folder, { recursive: true });
  });
});
