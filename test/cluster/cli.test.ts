/** `ttlab sweep` and `ttlab merge` on the command line: one-line errors naming the flag (exit 2), and a whole round trip. */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src-main/cli/main';
import { makePlan, writePlanFolder } from '../../src-main/cluster/planFolder';
import { testFolder, tinySweep } from './helpers';

const root = testFolder('ttlab-cluster-cli-');
const bin = join(import.meta.dirname, '../../bin/ttlab.mjs');
const sweepFile = join(root, 'sweep.json');
writeFileSync(sweepFile, JSON.stringify(tinySweep(2)));
writeFileSync(join(root, 'run.json'), JSON.stringify({ seed: 3 }));

afterEach(() => vi.restoreAllMocks());

/** Runs `ttlab` in this process; returns the exit code and what it wrote on stderr. */
async function ttlab(...args: string[]) {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => ((stderr += String(text)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const code = await main(args);
  return { code, stderr };
}

describe('ttlab sweep and ttlab merge flags', () => {
  const plan = ['sweep', 'plan', '--config', sweepFile, '--out', join(root, 'never')];
  it.each([
    [[...plan, '--tasks', '0'], '--tasks: must be at least 1'],
    [[...plan, '--tasks', 'many'], '--tasks: expected a whole number'],
    [[...plan, '--tasks', '7'], 'tasks: 7 tasks for 6 points'],
    [[...plan, '--tasks', '2', '--mem', 'lots'], '--mem: expected a size like 4G'],
    [[...plan, '--tasks', '2', '--time', '5h'], '--time: expected HH:MM:SS'],
    [[...plan, '--tasks', '2', '--partition', 'a b'], '--partition: expected a partition name'],
    [[...plan, '--tasks', '2', '--bogus'], "Unknown option '--bogus'"],
    [
      ['sweep', 'plan', '--tasks', '2', '--out', join(root, 'never')],
      'give exactly one of --preset NAME or --config SWEEP.json',
    ],
    [
      ['sweep', 'plan', '--preset', 'paper-two-timescale', '--tasks', '2', '--out', join(root, 'never')],
      '--preset: "paper-two-timescale" is not a sweep preset',
    ],
    [
      ['sweep', 'plan', '--config', join(root, 'run.json'), '--tasks', '2', '--out', join(root, 'never')],
      "is one run's configuration, not a sweep",
    ],
    [
      ['sweep', 'plan', '--config', sweepFile, '--set', 'sgd.h=-1', '--tasks', '2', '--out', join(root, 'never')],
      'sgd.h: must be greater than 0',
    ],
    [['sweep', 'plan', '--config', sweepFile, '--tasks', '2'], '--out: is required'],
    [['sweep', 'run', join(root, 'nowhere'), '--shard', '0/2'], 'cannot read the plan'],
    [['sweep', 'run', join(root, 'nowhere')], '--shard: is required'],
    [['sweep', 'run', join(root, 'nowhere'), '--shard', '2/2'], '--shard: k must be smaller than N'],
    [['sweep', 'run', join(root, 'nowhere'), '--shard', '0/2', '--workers', '0'], '--workers: must be at least 1'],
    [['sweep', 'status'], 'give the plan folder'],
    [['sweep', 'launch'], 'ttlab sweep needs one of plan, run, submit, status'],
    [['merge', '--into', join(root, 'lab.sqlite')], 'give the databases to merge'],
    [['merge', sweepFile], '--into: is required'],
    [['merge', sweepFile, '--into', join(root, 'lab.sqlite'), '--journal', 'fast'], '--journal: expected wal'],
    [
      ['merge', join(root, 'missing.sqlite'), '--into', join(root, 'lab.sqlite')],
      'missing.sqlite: no such file or folder',
    ],
  ])('%j fails with "%s", exit code 2', async (args, message) => {
    const { code, stderr } = await ttlab(...args);
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(code).toBe(2);
    expect(existsSync(join(root, 'never'))).toBe(false);
    expect(existsSync(join(root, 'lab.sqlite'))).toBe(false);
  });

  it('plans a sweep whose stepsizes break its runs, with one warning a field on stderr', async () => {
    const folder = join(root, 'diverging');
    const { code, stderr } = await ttlab(
      'sweep',
      'plan',
      '--config',
      sweepFile,
      '--set',
      'sgd.h=0.3',
      '--tasks',
      '2',
      '--out',
      folder,
    );
    expect(code).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^ttlab: warning: sgd\.h in all 6 runs, first sgd\.epsilon=0\.01, seed=1: h = 0\.3 may make the weights diverge: .*; h ≤ \S+ is stable$/,
      ),
      expect.stringMatching(
        /^ttlab: warning: sgd\.epsilon in all 6 runs, first sgd\.epsilon=0\.01, seed=1: ε = 0\.01 throws the neurons out of \[0, 1\]: .*; ε ≤ \S+ is stable$/,
      ),
    ]);
    expect(existsSync(join(folder, 'sweep.json'))).toBe(true);
  });

  it('refuses a damaged jobs.json naming its field', async () => {
    const folder = join(root, 'damaged-jobs');
    writePlanFolder(folder, makePlan(tinySweep(2), { tasks: 2 }), '/opt/lab/bin/ttlab.mjs');
    writeFileSync(
      join(folder, 'jobs.json'),
      JSON.stringify({ sweepId: 'x', rounds: [{ submittedAt: 'yesterday', arrays: [], mergeJobId: null }] }),
    );
    const { code, stderr } = await ttlab('sweep', 'status', folder);
    expect(stderr).toMatch(/jobs\.json: rounds\.0\.submittedAt: /);
    expect(code).toBe(2);
  });

  it('plans, runs both shards and merges them from the command line; `ttlab run` runs the same sweep file here', () => {
    const env = { ...process.env, TTLAB_FROM_SOURCE: '1', TMPDIR: join(root, 'node-local') };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env, timeout: 120_000 });
    const folder = join(root, 'plan');
    expect(cli('sweep', 'plan', '--config', sweepFile, '--tasks', '2', '--out', folder).status).toBe(0);
    for (const shard of ['0/2', '1/2'])
      expect(cli('sweep', 'run', folder, '--shard', shard, '--workers', '1').stderr).toMatch(
        /3 of 3 points have their result \(3 run now, 0 done before\)/,
      );
    const merged = cli('merge', join(folder, 'shards'), '--into', join(root, 'merged.sqlite'));
    expect(merged.stdout).toContain('merged 2 files into');
    expect(merged.stdout).toContain('6 runs added, 0 already present, 0 refused');
    const local = cli('run', '--config', sweepFile, '--no-save', '--json');
    expect(local.status).toBe(0);
    expect(JSON.parse(local.stdout).runs).toHaveLength(6);
  });
});
