/**
 * "Run on a cluster…" in the app: what goes to the cluster's login node. The plan folder's scripts name this
 * install's absolute paths, which only the login node knows, so the app hands over the sweep and the exact commands,
 * and `ttlab sweep plan` there writes the folder.
 */
import type { SweepSpec } from '../config/schema';
import type { SlurmOptions } from './plan';

/** The files of the hand-off zip and the commands to show. */
export interface ClusterHandoff {
  files: Record<string, string>;
  commands: string[];
}

/** A word a POSIX shell reads back as itself: bare when safe, else in single quotes. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/** Turns a sweep name into a folder name: letters, digits, dots, dashes. */
export function planFolderName(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `sweep-${stem || 'plan'}`;
}

/** The commands that plan, submit, follow, retry and bring back the sweep `spec` with `slurm`. */
export function clusterCommands(spec: SweepSpec, slurm: SlurmOptions): string[] {
  const folder = `~/sweeps/${planFolderName(spec.name)}`;
  const options: Array<[string, string | number | undefined]> = [
    ['--tasks', slurm.tasks],
    ['--cpus-per-task', slurm.cpusPerTask],
    ['--max-parallel', slurm.maxParallel],
    ['--partition', slurm.partition],
    ['--time', slurm.time],
    ['--mem', slurm.mem],
    ['--max-array-size', slurm.maxArraySize === 1001 ? undefined : slurm.maxArraySize],
  ];
  const flags = options
    .filter(([, value]) => value !== undefined)
    .map(([flag, value]) => `${flag} ${shellWord(String(value))}`);
  return [
    `ttlab sweep plan --config sweep-spec.json ${flags.join(' ')} --out ${folder}`,
    `ttlab sweep submit ${folder}`,
    `ttlab sweep status ${folder}`,
    `ttlab sweep submit ${folder} --retry`,
    `ttlab merge ${folder}/merged.sqlite --into LAB.sqlite`,
  ];
}

export function clusterHandoff(spec: SweepSpec, slurm: SlurmOptions, points: number): ClusterHandoff {
  const commands = clusterCommands(spec, slurm);
  const readme = [
    `Two-Timescale Lab: sweep "${spec.name}", ${points} points in ${slurm.tasks} Slurm array tasks.`,
    '',
    "On the cluster, once: Node 20.19+ and a checkout of the lab with `npm install` (see the lab's README,",
    '"Running a sweep on a cluster"). Then copy sweep-spec.json to the login node and, from its folder:',
    '',
    `  ${commands[0]}      writes the plan folder`,
    `  ${commands[1]}      submits the array and the merge job, follows them, merges`,
    `  ${commands[2]}      pending / running / done / failed, per task`,
    `  ${commands[3]}      resubmits only the tasks that failed or miss points`,
    '',
    'Bring merged.sqlite (or the shards/ folder) home and add it to the lab with File > Import Runs, or',
    `  ${commands[4]}`,
    '',
  ].join('\n');
  return { files: { 'sweep-spec.json': `${JSON.stringify(spec, null, 2)}\n`, 'README.txt': readme }, commands };
}
