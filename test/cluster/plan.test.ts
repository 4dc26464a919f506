/** Plan folders: the files written, the scripts, refusals that name the field, and reading a plan back. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterHandoff } from '#shared/cluster/handoff';
import { slurmOptionsSchema } from '#shared/cluster/plan';
import { findPreset } from '#shared/config/presets';
import type { SweepSpec } from '#shared/config/schema';
import { makePlan, readPlan, writePlanFolder } from '../../src-main/cluster/planFolder';

const root = mkdtempSync(join(tmpdir(), 'ttlab-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const spec = (findPreset('paper-varying-epsilon') as { sweep: SweepSpec }).sweep;
const entry = '/opt/lab/bin/ttlab.mjs';

describe('sweep plan', () => {
  it('writes sweep.json, the array job, the merge job and README.txt, and reads the plan back', () => {
    const plan = makePlan(spec, {
      tasks: 4,
      cpusPerTask: 2,
      maxParallel: 3,
      partition: 'short',
      time: '01:30:00',
      mem: '4G',
    });
    expect(plan.points).toHaveLength(60);
    const folder = join(root, 'plan');
    writePlanFolder(folder, plan, entry);
    for (const file of ['sweep.json', 'job.sbatch', 'merge.sbatch', 'README.txt', 'shards', 'logs'])
      expect(existsSync(join(folder, file))).toBe(true);
    const job = readFileSync(join(folder, 'job.sbatch'), 'utf8');
    expect(job).toContain('#SBATCH --array=0-3%3');
    expect(job).toContain('#SBATCH --cpus-per-task=2');
    expect(job).toContain('#SBATCH --partition=short');
    expect(job).toContain('#SBATCH --time=01:30:00');
    expect(job).toContain('#SBATCH --mem=4G');
    expect(job).toContain(`${entry} sweep run ${folder} --shard "$shard/4" --workers 2`);
    expect(readFileSync(join(folder, 'merge.sbatch'), 'utf8')).toContain(
      `merge ${folder}/shards --into ${folder}/merged.sqlite --journal rollback`,
    );
    expect(readFileSync(join(folder, 'README.txt'), 'utf8')).toContain(`sweep submit ${folder}`);
    const back = readPlan(folder);
    expect(back.sweepId).toBe(plan.sweepId);
    expect(back.points.map((point) => point.config)).toEqual(plan.points.map((point) => point.config));
  });

  it('leaves --array to the submit command when the tasks need several arrays', () => {
    const plan = makePlan(spec, { tasks: 60, maxArraySize: 25 });
    const folder = join(root, 'split');
    writePlanFolder(folder, plan, entry);
    expect(readFileSync(join(folder, 'job.sbatch'), 'utf8')).not.toContain('--array');
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    expect(readme).toContain('--array=0-24 --export=ALL,TTLAB_TASK_OFFSET=0');
    expect(readme).toContain('--array=0-9 --export=ALL,TTLAB_TASK_OFFSET=50');
  });

  it('refuses more tasks than points, a folder holding a plan, and paths a script cannot carry', () => {
    expect(() => makePlan(spec, { tasks: 61 })).toThrow(/tasks: 61 tasks for 60 points/);
    const plan = makePlan(spec, { tasks: 2 });
    writePlanFolder(join(root, 'once'), plan, entry);
    expect(() => writePlanFolder(join(root, 'once'), plan, entry)).toThrow(/holds a plan already/);
    expect(() => writePlanFolder(join(root, 'with space'), plan, entry)).toThrow(/^out: .* has characters/);
    expect(existsSync(join(root, 'with space'))).toBe(false);
  });

  it('refuses a damaged sweep.json naming the field', () => {
    const folder = join(root, 'damaged');
    writePlanFolder(folder, makePlan(spec, { tasks: 2 }), entry);
    const plan = JSON.parse(readFileSync(join(folder, 'sweep.json'), 'utf8'));
    plan.points[3].config.sgd.h = -1;
    writeFileSync(join(folder, 'sweep.json'), JSON.stringify(plan));
    expect(() => readPlan(folder)).toThrow(/sweep\.json: points\.3\.config\.sgd\.h: must be greater than 0/);
    writeFileSync(join(folder, 'sweep.json'), '{');
    expect(() => readPlan(folder)).toThrow(/not valid JSON/);
    expect(() => readPlan(join(root, 'nowhere'))).toThrow(/cannot read the plan/);
  });
});

describe('the hand-off of "Run on a cluster…"', () => {
  it('gives the sweep and the exact commands that plan it on the login node', () => {
    const slurm = slurmOptionsSchema.parse({ tasks: 12, cpusPerTask: 2, partition: 'short', time: '02:00:00' });
    const { files, commands } = clusterHandoff({ ...spec, name: 'Varying ε (Fig 7)' }, slurm, 60);
    expect(commands[0]).toBe(
      'ttlab sweep plan --config sweep-spec.json --tasks 12 --cpus-per-task 2 --partition short --time 02:00:00 --out ~/sweeps/sweep-varying-fig-7',
    );
    expect(JSON.parse(files['sweep-spec.json'])).toEqual(
      JSON.parse(JSON.stringify({ ...spec, name: 'Varying ε (Fig 7)' })),
    );
    expect(files['README.txt']).toContain('60 points in 12 Slurm array tasks');
    expect(files['README.txt']).toContain(commands[1]);
  });
});
