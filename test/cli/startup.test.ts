/**
 * `ttlab` starts like a compiled tool: it runs the bundled build (out/main/cli.js), compiles no TypeScript, and loads
 * only what the called subcommand needs. TTLAB_FROM_SOURCE=1 runs the sources instead. Which modules a start loads
 * is recorded by module hooks (importRecorder.mjs), so these tests see what happened rather than how long it took.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/ensure-build.mjs';
import { builtSandbox } from '../support/builtSandbox';

const bin = join(projectRoot, 'bin/ttlab.mjs');
const recorder = join(import.meta.dirname, 'importRecorder.mjs');
const sandbox = builtSandbox('ttlab-startup-');

/** Runs `ttlab ...args` and returns its output with the URL of every module it loaded. */
function ttlabLoading(args: string[], env: NodeJS.ProcessEnv = {}) {
  const file = sandbox(`imports-${args.join('-')}-${Object.keys(env).join('-')}.txt`);
  const result = spawnSync(process.execPath, ['--import', recorder, bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TTLAB_FROM_SOURCE: '', ...env, TTLAB_IMPORTS_FILE: file, TTLAB_DB: sandbox('lab.sqlite') },
    timeout: 120_000,
  });
  const loaded = readFileSync(file, 'utf8').trim().split('\n');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, loaded };
}

const typescript = (url: string) => /\.(ts|vue)$/.test(url);

describe('ttlab start', () => {
  it('answers --help from the build, compiling nothing and loading no subcommand', () => {
    const { code, stdout, stderr, loaded } = ttlabLoading(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('ttlab run');
    expect(stderr).toBe('');
    expect(loaded).toContain(`file://${join(projectRoot, 'out/main/cli.js')}`);
    expect(loaded.filter(typescript)).toEqual([]);
    expect(loaded.filter((url) => url.includes('/node_modules/'))).toEqual([]);
  });

  it('loads the report renderer only for a command that draws reports', () => {
    const presets = ttlabLoading(['presets', '--json']);
    expect(presets.code).toBe(0);
    expect(JSON.parse(presets.stdout).length).toBeGreaterThan(0);
    expect(presets.loaded.filter(typescript)).toEqual([]);
    expect(presets.loaded.some((url) => url.includes('/node_modules/echarts/'))).toBe(false);
    expect(presets.loaded.some((url) => url.includes('/node_modules/tsx/'))).toBe(false);
  });

  it('runs from the TypeScript sources with TTLAB_FROM_SOURCE=1', () => {
    const { code, stdout, loaded } = ttlabLoading(['--help'], { TTLAB_FROM_SOURCE: '1' });
    expect(code).toBe(0);
    expect(stdout).toContain('ttlab run');
    expect(loaded).toContain(`file://${join(projectRoot, 'src-main/cli/main.ts')}`);
    expect(loaded.some((url) => url.startsWith(`file://${join(projectRoot, 'out/')}`))).toBe(false);
  });
});
