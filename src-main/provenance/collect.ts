/** The provenance of runs trained by this process: its build (version, commit, engine) and its machine. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { arch, cpus, hostname, platform, release } from 'node:os';
import { join } from 'node:path';
import type { RunConfig } from '#shared/config/schema';
import type { MachineProvenance, Provenance } from '#shared/run/provenance';
import { appVersion } from '../report/version';
import { engineBuildId } from './engineId';
import { findProjectRoot } from './projectRoot';

function git(projectRoot: string, args: string[]): string | null {
  try {
    return execFileSync('git', ['-C', projectRoot, ...args], {
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/** Commit and dirty flag of the checkout the lab runs from; nulls when it is not a checkout or git is missing. */
function checkout(): { gitCommit: string | null; gitDirty: boolean | null } {
  const projectRoot = findProjectRoot(import.meta.dirname);
  if (projectRoot === null || !existsSync(join(projectRoot, '.git'))) return { gitCommit: null, gitDirty: null };
  const commit = git(projectRoot, ['rev-parse', 'HEAD']);
  if (commit === null) return { gitCommit: null, gitDirty: null };
  const status = git(projectRoot, ['status', '--porcelain', '--untracked-files=no']);
  return { gitCommit: commit, gitDirty: status === null ? null : status.length > 0 };
}

let cached: MachineProvenance | null = null;

/** This process's build and machine, gathered once. */
export function machineProvenance(): MachineProvenance {
  cached ??= {
    appVersion: appVersion(),
    ...checkout(),
    engineBuildId: engineBuildId(),
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chromium: process.versions.chrome ?? null,
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpuModel: cpus()[0]?.model.trim() || 'unknown',
    hostname: hostname(),
  };
  return cached;
}

/** The provenance a run started now by this process records. */
export function runProvenance(config: Pick<RunConfig, 'rng'>): Provenance {
  return { ...machineProvenance(), generator: config.rng, resumes: [] };
}
