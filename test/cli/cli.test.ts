/** `ttlab` as a user runs it: a real process, real files, exit codes and one-line errors. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { presetNames } from '#shared/config/presets';

const bin = join(import.meta.dirname, '../../bin/ttlab.mjs');
const dir = mkdtempSync(join(tmpdir(), 'ttlab-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ttlab(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TTLAB_DB: join(dir, 'default.sqlite') },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A short SGD run: the paper's quick preset cut to 20,000 steps. */
const short = ['--preset', 'paper-two-timescale-quick', '--set', 'duration={"kind":"steps","steps":20000}'];

describe('ttlab', () => {
  it('prints help', () => {
    const { code, stdout } = ttlab('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('ttlab run');
  });

  it('lists every preset, as text and as JSON', () => {
    const text = ttlab('presets');
    expect(text.code).toBe(0);
    for (const name of presetNames) expect(text.stdout).toContain(name);
    const json = JSON.parse(ttlab('presets', '--json').stdout) as Array<{ name: string }>;
    expect(json.map((preset) => preset.name)).toEqual(presetNames);
  });

  it('runs a preset and prints the result as JSON, stored in the database given', () => {
    const db = join(dir, 'runs.sqlite');
    const out = join(dir, 'result.json');
    const { code, stdout } = ttlab('run', ...short, '--seed', '7', '--json', '--db', db, '--out', out);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ status: 'done', steps: 20000 });
    for (const key of ['finalLoss', 'bestLoss', 'limitFinalLoss', 'durationMs', 'stepsPerSecond'])
      expect(result).toHaveProperty(key);
    expect(result.coverage).toHaveLength(5);
    expect(Object.keys(result.coverage[0]).sort()).toEqual(['covered', 'distanceInEta', 'nearestNeuron', 'position']);
    expect(result.bestLoss).toBeLessThanOrEqual(result.finalLoss);
    expect(existsSync(out)).toBe(true);

    const runs = JSON.parse(ttlab('runs', '--db', db, '--json').stdout) as Array<{
      id: string;
      seed: number;
      status: string;
    }>;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: result.runId, seed: 7, status: 'done' });
  });

  it('replays a run bit for bit from the same seed', () => {
    const first = JSON.parse(ttlab('run', ...short, '--no-save', '--json').stdout);
    const second = JSON.parse(ttlab('run', ...short, '--no-save', '--json').stdout);
    expect(second.finalLoss).toBe(first.finalLoss);
    expect(second.coverage).toEqual(first.coverage);
  });

  it('reports a limit that is undefined for the init without crashing', () => {
    // Two evenly spaced neurons cannot put two neurons in every piece of the paper target.
    const { code, stdout } = ttlab(
      'run',
      ...short,
      '--set',
      'network.m=2',
      '--set',
      'network.positions={"kind":"even"}',
      '--no-save',
      '--json',
    );
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.limitFinalLoss).toBeNull();
    expect(result.limitNote).toMatch(/undefined for this init/);
  });

  it('warns on stderr when a stepsize makes the run diverge, and runs it all the same', () => {
    const { code, stdout, stderr } = ttlab('run', ...short, '--set', 'sgd.h=0.5', '--no-save', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ status: 'diverged' });
    expect(code).toBe(1);
    const warnings = stderr.split('\n').filter((line) => line.startsWith('ttlab: warning:'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ttlab: warning: sgd\.h: h = 0\.5 may make the weights diverge: SGD diverges from about h = \S+ \(1\/tr G at this initialisation\); h ≤ 0\.04762 is stable$/,
      ),
    ]);
    expect(ttlab('run', ...short, '--no-save', '--json').stderr).not.toContain('warning');
  });

  it('runs a sweep preset on several processes', () => {
    const { code, stdout } = ttlab(
      'run',
      '--preset',
      'paper-varying-epsilon',
      '--set',
      'duration.tauMax=0.0005',
      '--no-save',
      '--json',
    );
    expect(code).toBe(0);
    const { runs } = JSON.parse(stdout) as { runs: Array<{ status: string; params: Record<string, number> }> };
    expect(runs).toHaveLength(60);
    expect(new Set(runs.map((run) => run.params['sgd.epsilon']))).toEqual(new Set([0.01, 0.1, 1]));
    expect(runs.every((run) => run.status === 'done')).toBe(true);
  }, 300_000);

  it.each([
    [['run'], /exactly one of --preset/],
    [['run', '--preset', 'nope'], /--preset: unknown preset "nope"/],
    [['run', ...short, '--seed', '-3'], /--seed/],
    [['run', ...short, '--set', 'sgd.h=-1'], /sgd\.h: must be greater than 0/],
    [['run', ...short, '--set', 'sgd.bogus=1'], /unknown field bogus/],
    [['run', ...short, '--set', 'network.m=0'], /network\.m: must be at least 1/],
    [
      ['run', ...short, '--set', 'target.positions=[0.5,0.2]', '--set', 'target.values=[0,1,1]'],
      /target\.positions\.1/,
    ],
    [['run', '--config', '/nonexistent/config.json'], /--config: cannot read/],
    [['run', ...short, '--out', '/nonexistent/dir/out.json'], /--out: folder/],
    [['run', ...short, '--frobnicate'], /Unknown option '--frobnicate'/],
    [['nonsense'], /unknown command/],
  ])('refuses %j with one line and exit code 2, writing nothing', (args, message) => {
    const before = readdirSync(dir).sort();
    const { code, stderr, stdout } = ttlab(...args);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('names the field of an invalid config file', () => {
    const file = join(dir, 'bad-config.json');
    writeFileSync(file, JSON.stringify({ network: { eta: 0 } }));
    const { code, stderr } = ttlab('run', '--config', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/network\.eta: must be greater than 0/);
  });
});
