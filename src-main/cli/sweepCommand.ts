/** `ttlab sweep plan | run | submit | status`: a sweep sharded over the tasks of a Slurm job array. */
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { slurmOptionsSchema } from '#shared/cluster/plan';
import { MAX_PLAN_POINTS, shardSchema } from '#shared/cluster/shards';
import { ttlabEntry } from '../cluster/install';
import { makePlan, readPlan, writePlanFolder } from '../cluster/planFolder';
import { runShard } from '../cluster/shardRun';
import { UsageError } from '#shared/base/errors';
import { asUsage, parseCommandLine, positiveFlag, requiredFlag, validateFlags, wholeFlag } from './flagSchema';
import { ProgressBar } from './progress';
import { statusCommand, submitCommand } from './sweepSubmit';
import { warnSweepStepsizes } from './stepsizeWarnings';
import { sweepFromFlags } from './sweepSource';

const planFlags = z.object({
  tasks: requiredFlag('how many array tasks, e.g. --tasks 16').pipe(wholeFlag(1, MAX_PLAN_POINTS)),
  'cpus-per-task': wholeFlag(1, 1024).optional(),
  'max-parallel': wholeFlag(1, MAX_PLAN_POINTS).optional(),
  'max-array-size': wholeFlag(1, 4_000_001).optional(),
  partition: slurmOptionsSchema.shape.partition,
  time: slurmOptionsSchema.shape.time,
  mem: slurmOptionsSchema.shape.mem,
  out: requiredFlag('the plan folder to write'),
});

async function planCommand(args: string[]): Promise<number> {
  const { values } = parseCommandLine(
    args,
    {
      preset: { type: 'string' },
      config: { type: 'string' },
      set: { type: 'string', multiple: true },
      tasks: { type: 'string' },
      'cpus-per-task': { type: 'string' },
      'max-parallel': { type: 'string' },
      'max-array-size': { type: 'string' },
      partition: { type: 'string' },
      time: { type: 'string' },
      mem: { type: 'string' },
      out: { type: 'string' },
    },
    0,
  );
  const flags = validateFlags(planFlags, values);
  const spec = sweepFromFlags(values);
  warnSweepStepsizes(spec);
  const plan = asUsage(() =>
    makePlan(spec, {
      tasks: flags.tasks,
      cpusPerTask: flags['cpus-per-task'],
      maxParallel: flags['max-parallel'],
      maxArraySize: flags['max-array-size'],
      partition: flags.partition,
      time: flags.time,
      mem: flags.mem,
    }),
  );
  const place = asUsage(() => writePlanFolder(flags.out, plan, ttlabEntry()));
  process.stdout.write(
    `planned sweep "${spec.name}": ${plan.points.length} points in ${plan.slurm.tasks} tasks, sweep id ${plan.sweepId}\n`,
  );
  process.stdout.write(
    `wrote ${place.folder}/{sweep.json,job.sbatch,merge.sbatch,README.txt}; next: ttlab sweep submit ${place.folder}\n`,
  );
  return 0;
}

const runFlags = z.object({
  shard: requiredFlag('k/N, e.g. --shard 0/4').pipe(shardSchema),
  workers: wholeFlag(1, 1024).optional(),
  db: z.string().min(1).optional(),
  'copy-every': positiveFlag(24 * 60).default(5),
});

/** The CPUs Slurm gave this task when it says (a node's other cores belong to other jobs), else every core. */
function defaultWorkers(): number {
  const given = Number(process.env.SLURM_CPUS_PER_TASK);
  return Number.isInteger(given) && given >= 1 ? Math.min(given, 1024) : availableParallelism();
}

async function runShardCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    args,
    {
      shard: { type: 'string' },
      workers: { type: 'string' },
      db: { type: 'string' },
      'copy-every': { type: 'string' },
    },
    1,
  );
  if (positionals.length === 0) throw new UsageError('give the plan folder: ttlab sweep run DIR --shard k/N');
  const flags = validateFlags(runFlags, values);
  const plan = asUsage(() => readPlan(positionals[0]));
  if (flags.shard.count > plan.points.length)
    throw new UsageError(`--shard: N = ${flags.shard.count} is more than the plan's ${plan.points.length} points`);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  // Slurm sends SIGTERM at the time limit and on scancel: the runs end interrupted and the copy is published.
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const label = `shard ${flags.shard.index}/${flags.shard.count}`;
  const bar = new ProgressBar(label, ' runs');
  try {
    const outcome = await runShard(positionals[0], plan, flags.shard, {
      workers: flags.workers ?? defaultWorkers(),
      database: flags.db,
      publishEveryMs: flags['copy-every'] * 60_000,
      stop: stop.signal,
      onRunEnd: (ended, total) => bar.update(ended, total, true),
      onWarning: (message) => bar.done(`ttlab: ${message}`),
    });
    const { report } = outcome;
    bar.done(
      `${label}: ${report.complete} of ${report.points} points have their result (${outcome.started} run now, ${outcome.skipped} done before); ${outcome.files.published}`,
    );
    return report.complete === report.points ? 0 : 1;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

const subcommands: Record<string, (args: string[]) => Promise<number>> = {
  plan: planCommand,
  run: runShardCommand,
  submit: submitCommand,
  status: statusCommand,
};

export async function sweepCommand(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const subcommand = name === undefined ? undefined : subcommands[name];
  if (!subcommand)
    throw new UsageError(`ttlab sweep needs one of ${Object.keys(subcommands).join(', ')}; try ttlab --help`);
  return subcommand(rest);
}
