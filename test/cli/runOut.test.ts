/** `ttlab run --out FILE` never replaces a file without --force, and writes the result whole. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/ensure-build.mjs';
import { builtSandbox } from '../support/builtSandbox';
import { checkOutputFile, writeOutputFile } from '../../src-main/cli/outputFile';
import { UsageError } from '#shared/base/errors';

const bin = join(projectRoot, 'bin/ttlab.mjs');
const sandbox = builtSandbox('ttlab-out-');

/** A run of 2,000 steps, not stored. */
const tiny = [
  'run',
  '--preset',
  'paper-two-timescale-quick',
  '--set',
  'duration={"kind":"steps","steps":2000}',
  '--no-save',
];

function ttlab(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ttlab run --out', () => {
  it('refuses an existing file without --force, before running, and leaves it as it was', () => {
    const file = sandbox('figure.png');
    writeFileSync(file, 'a picture the user wants to keep');
    const { code, stderr } = ttlab(...tiny, '--out', file);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`ttlab: --out: ${file} exists already; add --force to replace it`);
    expect(readFileSync(file, 'utf8')).toBe('a picture the user wants to keep');
  });

  it('replaces it with --force, leaving no temporary file beside it', () => {
    const file = sandbox('replaced.json');
    writeFileSync(file, 'old');
    const { code } = ttlab(...tiny, '--out', file, '--force');
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ status: 'done', steps: 2000 });
    expect(readdirSync(sandbox()).filter((name) => name.includes('replaced'))).toEqual(['replaced.json']);
  });
});

describe('writeOutputFile', () => {
  it('keeps a file that appeared after the check, and leaves nothing beside it', () => {
    const path = checkOutputFile('out', sandbox('raced.json'), false);
    writeFileSync(path, 'written by someone else meanwhile');
    expect(() => writeOutputFile('out', path, '{}', false)).toThrow(UsageError);
    expect(readFileSync(path, 'utf8')).toBe('written by someone else meanwhile');
    expect(readdirSync(sandbox()).filter((name) => name.includes('raced'))).toEqual(['raced.json']);
  });

  it('names the flag when the folder is missing', () => {
    expect(() => checkOutputFile('out', sandbox('missing', 'x.json'), false)).toThrow(
      /^--out: folder .*missing does not exist$/,
    );
  });
});
