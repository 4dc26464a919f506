/**
 * The files of a plan folder a person or Slurm reads: the array job, the merge job and README.txt. The scripts use
 * only what a cluster node has: a shell, Node and the lab's install at the path it had when the plan was made.
 */
import { arrayChunks, arraySpec, type ClusterPlan } from '#shared/cluster/plan';

/** Where the plan runs: its folder and the install's `bin/ttlab.mjs`, both absolute. */
export interface PlanPlace {
  folder: string;
  entry: string;
}

/** Characters a path may have in a job script: #SBATCH lines cannot quote, so nothing a shell or Slurm would split. */
const SAFE_PATH = /^[A-Za-z0-9_./@+,=~-]+$/;

/** Null when `path` can be written into the scripts, else why not. */
export function unsafePathProblem(path: string): string | null {
  return SAFE_PATH.test(path)
    ? null
    : `${path} has characters a job script cannot carry (spaces, quotes, $, ...); choose a simpler path`;
}

const node = '"${TTLAB_NODE:-node}"';

/** #SBATCH lines both jobs share. */
function resourceLines(plan: ClusterPlan): string[] {
  const { partition, time, mem } = plan.slurm;
  return [
    partition === undefined ? null : `#SBATCH --partition=${partition}`,
    time === undefined ? null : `#SBATCH --time=${time}`,
    mem === undefined ? null : `#SBATCH --mem=${mem}`,
  ].filter((line): line is string => line !== null);
}

/** The array job: task i runs shard i + TTLAB_TASK_OFFSET (0 unless the tasks are split into several arrays). */
export function jobScript(plan: ClusterPlan, place: PlanPlace): string {
  const { tasks, cpusPerTask, maxParallel, maxArraySize } = plan.slurm;
  const all = Array.from({ length: tasks }, (_, shard) => shard);
  const chunks = arrayChunks(all, maxArraySize);
  return [
    '#!/bin/bash',
    `# Two-Timescale Lab: sweep "${plan.spec.name.replace(/[\r\n]/g, ' ')}" (${plan.points.length} points, sweep id ${plan.sweepId}) in ${tasks} tasks.`,
    '#SBATCH --job-name=ttlab-sweep',
    // With several arrays, `ttlab sweep submit` gives each its --array and TTLAB_TASK_OFFSET on the command line.
    ...(chunks.length === 1 ? [`#SBATCH --array=${arraySpec(chunks[0], maxParallel)}`] : []),
    `#SBATCH --cpus-per-task=${cpusPerTask}`,
    ...resourceLines(plan),
    `#SBATCH --output=${place.folder}/logs/task-%A_%a.out`,
    'set -euo pipefail',
    'shard=$(( SLURM_ARRAY_TASK_ID + ${TTLAB_TASK_OFFSET:-0} ))',
    `exec ${node} ${place.entry} sweep run ${place.folder} --shard "$shard/${tasks}" --workers ${cpusPerTask}`,
    '',
  ].join('\n');
}

/** The merge job, submitted with --dependency=afterany on the arrays: it merges whatever the tasks left. */
export function mergeScript(plan: ClusterPlan, place: PlanPlace): string {
  return [
    '#!/bin/bash',
    `# Two-Timescale Lab: merges the shards of sweep ${plan.sweepId} into merged.sqlite once the array has ended.`,
    '#SBATCH --job-name=ttlab-merge',
    '#SBATCH --cpus-per-task=1',
    ...resourceLines(plan),
    `#SBATCH --output=${place.folder}/logs/merge-%j.out`,
    'set -euo pipefail',
    `exec ${node} ${place.entry} merge ${place.folder}/shards --into ${place.folder}/merged.sqlite --journal rollback`,
    '',
  ].join('\n');
}

/** How to submit, by the lab or by hand, and what to set for the node-local disk. */
export function readmeText(plan: ClusterPlan, place: PlanPlace): string {
  const { tasks, maxArraySize, maxParallel } = plan.slurm;
  const ttlab = `node ${place.entry}`;
  const chunks = arrayChunks(
    Array.from({ length: tasks }, (_, shard) => shard),
    maxArraySize,
  );
  const byHand =
    chunks.length === 1
      ? ['  sbatch --parsable job.sbatch                         # prints the array job id, ARRAY']
      : chunks.map(
          (chunk) =>
            `  sbatch --parsable --array=${arraySpec(chunk, maxParallel)} --export=ALL,TTLAB_TASK_OFFSET=${chunk.offset} job.sbatch`,
        );
  return [
    `Two-Timescale Lab: sweep "${plan.spec.name}", ${plan.points.length} points in ${tasks} tasks`,
    `sweep id ${plan.sweepId}, planned ${plan.createdAt}`,
    '',
    'On the login node:',
    `  ${ttlab} sweep submit ${place.folder}            submits, follows the tasks, merges when all have ended`,
    `  ${ttlab} sweep status ${place.folder}            pending / running / done / failed, per task`,
    `  ${ttlab} sweep submit ${place.folder} --retry    resubmits only the tasks that failed or miss points`,
    '',
    'Or by hand, from this folder:',
    ...byHand,
    '  sbatch --dependency=afterany:ARRAY merge.sbatch     # ARRAY: the array job ids, joined by ":"',
    '',
    'Results: shards/shard-K-of-N.sqlite, one per task, copied there every few minutes and at its end;',
    'merged.sqlite once merged. Bring them into the lab with',
    '  ttlab merge merged.sqlite --into LAB.sqlite     (or File > Import Runs in the app)',
    '',
    'Each task writes to node-local disk ($TMPDIR when set, else /tmp) and copies its database here. If your',
    'cluster gives node-local scratch another name, add `export TMPDIR=/path/to/local/scratch` to job.sbatch.',
    "Set TTLAB_NODE to the node binary when `node` is not on the nodes' PATH (e.g. after `module load nodejs`).",
    '',
  ].join('\n');
}
