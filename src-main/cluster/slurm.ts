/** The two Slurm commands the lab uses, `sbatch --parsable` and `squeue`, found on PATH like a person would. */
import { spawnSync } from 'node:child_process';

/** Slurm refused or failed; the message is Slurm's own, as it printed it. */
export class SlurmError extends Error {
  override readonly name = 'SlurmError';
}

/** How long one Slurm command may take before the lab gives up on it. */
const COMMAND_TIMEOUT_MS = 60_000;

function slurm(command: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: COMMAND_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new SlurmError(
      missing
        ? `${command} is not on PATH: run this on the cluster's login node`
        : `${command}: ${result.error.message}`,
    );
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Submits a batch script; returns the job id. Slurm's refusal becomes a SlurmError carrying its message. */
export function sbatch(args: readonly string[]): string {
  const { code, stdout, stderr } = slurm('sbatch', ['--parsable', ...args]);
  const id = /^(\d+)/.exec(stdout.trim())?.[1];
  if (code !== 0 || id === undefined)
    throw new SlurmError(`sbatch refused the job: ${(stderr || stdout).trim() || `exit code ${code}`}`);
  return id;
}

/**
 * States of the jobs `jobIds` and of each of their array tasks, keyed `JOB` or `JOB_TASK` (squeue -r lists every
 * array task on a line of its own, pending ones too; -t all keeps ended jobs while Slurm remembers them).
 */
export function squeue(jobIds: readonly string[]): Map<string, string> {
  const states = new Map<string, string>();
  if (jobIds.length === 0) return states;
  const { code, stdout, stderr } = slurm('squeue', ['-h', '-r', '-t', 'all', '-j', jobIds.join(','), '-o', '%i %T']);
  // Slurm forgets ended jobs after a while (MinJobAge); asking for one it forgot is this error, not a failure.
  if (code !== 0 && !/invalid job id/i.test(stderr))
    throw new SlurmError(`squeue failed: ${stderr.trim() || `exit code ${code}`}`);
  for (const line of stdout.split('\n')) {
    const match = /^\s*(\d+(?:_\d+)?)\s+([A-Z_]+)\s*$/.exec(line);
    if (match) states.set(match[1], match[2]);
  }
  return states;
}
