/** `ttlab`: the lab without a window. Subcommands live in files of their own. */
import { toWireError, UsageError } from '#shared/base/errors';

const HELP = `ttlab: Two-Timescale Lab from the command line

Usage:
  ttlab run (--preset NAME | --config FILE.json) [--seed N] [--set key=value ...] [--name TEXT]
            [--out FILE.json [--force]] [--json] [--db FILE | --no-save]
      Runs one configuration (or every run of a sweep preset or sweep file, on all cores) and stores it
      in the lab's database. --set takes dotted config paths: --set sgd.h=1e-4 --set network.m=40.
      --out writes the result as JSON; an existing file needs --force.
  ttlab presets [--json]          Lists the presets with their parameters.
  ttlab runs [--db FILE] [--json] Lists the runs stored in the database.
  ttlab export (--run ID | --runs ID,ID,... | --sweep ID) [--db FILE]
               [--png FILE] [--csv FILE] [--dir DIR] [--force] [--spreadsheet-safe]
      Writes a report: --png the report image, --csv the metrics (long format), --dir a folder with
      report.png, report.svg, metrics.csv, neurons.csv, runs.csv and config.json. Existing files need --force,
      which replaces only those files. --spreadsheet-safe prefixes text cells starting with = + - @ with '.
               [--svg FILE] [--pdf FILE] [--html FILE] [--chart NAME] [--size SIZE] [--band iqr|p10-90|mean-ci]
      --pdf the report page as vector PDF (fonts embedded), --svg as SVG, --html an interactive report in one
      offline file. --chart writes one chart alone (run: loss, neurons, weights, fit; runs: loss, seed-bands;
      sweep: final-loss, convergence, phase) at --size: neurips (5.5 in column, default), column (3.25 in),
      full-width (6.75 in), slide (16:9), or WIDTHxHEIGHT in in, cm, mm or pt (3.25inx2.2in). Without --chart,
      --size lays the report page (--png at 300 dpi, --svg, --pdf, --dir) out that wide, text at the paper's
      size, each chart that tall; the page is as tall as its content. --band: the seed band of seed-bands
      (median with IQR or 10-90 %, or mean with its 95 % CI).
  ttlab reproduce [--quick | --full] [--only NAME,...] [--db FILE] [--dir DIR] [--json]
      Runs the checks of the paper (experiments: replay-two-timescale, replay-same-stepsizes,
      two-timescale, same-stepsizes, varying-epsilon, 2d, 10d, relu), stores every run as a sweep,
      prints the table and, with --dir, writes the report (figures, CSV, markdown). Exit 0 when all pass.
  ttlab sweep plan (--preset NAME | --config SWEEP.json) [--set ...] --tasks N [--cpus-per-task C]
                   [--max-parallel P] [--partition NAME] [--time HH:MM:SS] [--mem SIZE]
                   [--max-array-size S] --out DIR
      Expands a sweep once (fixed sweep id) and writes a Slurm plan folder: sweep.json, job.sbatch
      (an array of N tasks), merge.sbatch and README.txt.
  ttlab sweep run DIR --shard k/N [--workers W] [--db FILE] [--copy-every MINUTES]
      Runs the points whose index is k mod N into the shard's database (DIR/shards/); resumable.
  ttlab sweep submit DIR [--retry] [--no-wait] [--poll SECONDS] [--into DB]
      Submits the plan with sbatch, follows its tasks with squeue and merges them at the end;
      --retry resubmits only the tasks that failed or miss points.
  ttlab sweep status DIR [--json]  Pending / running / done / failed, per task.
  ttlab merge FILE|FOLDER... --into DB [--journal wal|rollback] [--json]
      Merges lab databases (a folder: its .sqlite files) by run id, in one transaction; a foreign,
      damaged or newer file is refused and nothing is written.
  ttlab resume (--run ID | --sweep ID) [--db FILE] [--json]
      Goes on with a cancelled, interrupted or killed run from its last saved state (at most a few
      seconds of work are lost), or with every such run of a sweep; finished runs are kept.
  ttlab verify --run ID [--db FILE] [--json]
      Trains a stored run again from its configuration and seed and compares every checkpoint bit
      for bit: exit 0 identical, 1 different (names the first difference), 2 bad input.
  ttlab help                      Shows this text.

The database defaults to the one the desktop app uses (override with --db or TTLAB_DB).
Exit codes: 0 success, 1 a run failed or diverged, 2 bad flags or files.`;

type Command = (args: string[]) => Promise<number>;

/**
 * Each subcommand is imported when it is called, never at start: `ttlab --help` must answer at once, and importing
 * the report renderer (ECharts) alone takes most of a second. A new subcommand is one more line here.
 */
const commands: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./runCommand')).runCommand,
  presets: async () => (await import('./presetsCommand')).presetsCommand,
  runs: async () => (await import('./runsCommand')).runsCommand,
  export: async () => (await import('./exportCommand')).exportCommand,
  reproduce: async () => (await import('./reproduceCommand')).reproduceCommand,
  sweep: async () => (await import('./sweepCommand')).sweepCommand,
  merge: async () => (await import('./mergeCommand')).mergeCommand,
  resume: async () => (await import('./resumeCommand')).resumeCommand,
  verify: async () => (await import('./verifyCommand')).verifyCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const loadCommand = Object.hasOwn(commands, name) ? commands[name] : undefined;
  try {
    if (!loadCommand) throw new UsageError(`unknown command ${JSON.stringify(name)}; try ttlab --help`);
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    const command = await loadCommand();
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ttlab: ${error.message}\n`);
      return 2;
    }
    // Named as the error would cross a boundary: something thrown that is not an Error reads `Error: ...`.
    const { name, message } = toWireError(error);
    process.stderr.write(`ttlab: ${name}: ${message}\n`);
    return 1;
  }
}
