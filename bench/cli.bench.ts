/**
 * How fast `ttlab` answers: `ttlab --help` and `ttlab presets` from the built command, beside a bare `node -e 0` on
 * the same machine (the floor any Node command starts from). Medians of a few starts; the build is made first, so no
 * start includes it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, projectRoot } from '../scripts/ensure-build.mjs';
import type { Figure } from './run';

const STARTS = 9;
const bin = join(projectRoot, 'bin/ttlab.mjs');

/** Median wall time of STARTS runs of `node ...args`, in milliseconds. */
function medianStart(args: string[]): number {
  const times = Array.from({ length: STARTS }, () => {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return times[Math.floor(STARTS / 2)];
}

export async function run(): Promise<Figure[]> {
  if (!ensureBuild(projectRoot, () => {})) throw new Error('the build failed: run npx electron-vite build');
  const bare = medianStart(['-e', '0']);
  const help = medianStart([bin, '--help']);
  const presets = medianStart([bin, 'presets']);
  return [
    { name: 'bare node start (node -e 0)', value: Math.round(bare), unit: 'ms' },
    {
      name: 'ttlab --help',
      value: Math.round(help),
      unit: 'ms',
      target: `within 3x the bare start: ${Math.round(3 * bare)} ms`,
    },
    { name: 'ttlab --help / bare node start', value: Number((help / bare).toFixed(2)), unit: 'x', target: '3x' },
    {
      name: 'ttlab presets',
      value: Math.round(presets),
      unit: 'ms',
      target: `within 5x the bare start: ${Math.round(5 * bare)} ms`,
    },
  ];
}
