/** `ttlab`: the lab without a window. Subcommands live in files of their own. */
import { exportCommand } from './exportCommand';
import { presetsCommand } from './presetsCommand';
import { reproduceCommand } from './reproduceCommand';
import { runCommand } from './runCommand';
import { runsCommand } from './runsCommand';
import { UsageError } from './errors';

const HELP = `ttlab: Two-Timescale Lab from the command line

Usage:
  ttlab run (--preset NAME | --config FILE.json) [--seed N] [--set key=value ...] [--name TEXT]
            [--out FILE.json] [--json] [--db FILE | --no-save]
      Runs one configuration (or every run of a sweep preset, on all cores) and stores it in the
      lab's database. --set takes dotted config paths: --set sgd.h=1e-4 --set network.m=40.
  ttlab presets [--json]          Lists the presets with their parameters.
  ttlab runs [--db FILE] [--json] Lists the runs stored in the database.
  ttlab export (--run ID | --runs ID,ID,... | --sweep ID) [--db FILE]
               [--png FILE] [--csv FILE] [--dir DIR] [--force]
      Writes a report: --png the report image, --csv the metrics (long format), --dir a folder with
      report.png, report.svg, metrics.csv, neurons.csv, runs.csv and config.json. Existing files need --force.
  ttlab reproduce [--quick | --full] [--only NAME,...] [--db FILE] [--dir DIR] [--json]
      Runs the checks of the paper (experiments: replay-two-timescale, replay-same-stepsizes,
      two-timescale, same-stepsizes, varying-epsilon, 2d, 10d, relu), stores every run as a sweep,
      prints the table and, with --dir, writes the report (figures, CSV, markdown). Exit 0 when all pass.
  ttlab help                      Shows this text.

The database defaults to the one the desktop app uses (override with --db or TTLAB_DB).
Exit codes: 0 success, 1 a run failed or diverged, 2 bad flags or files.`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  run: runCommand,
  presets: presetsCommand,
  runs: runsCommand,
  export: exportCommand,
  reproduce: reproduceCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; try ttlab --help`);
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`${HELP}\n`);
      return 0;
    }
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ttlab: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`ttlab: ${(error as Error).name}: ${(error as Error).message}\n`);
    return 1;
  }
}
