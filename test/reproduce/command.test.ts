/** Flag errors of `ttlab reproduce`: each is a UsageError (exit code 2 from `ttlab`) raised before anything runs. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '#shared/base/errors';
import { reproduceCommand, selectExperiments } from '../../src-main/cli/reproduceCommand';
import { experimentNames } from '../../src-main/reproduce/experiments';

const dir = mkdtempSync(join(tmpdir(), 'ttlab-reproduce-flags-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const db = join(dir, 'never-created.sqlite');

async function usageError(args: string[]): Promise<string> {
  const error = await reproduceCommand(args).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as UsageError).message;
}

describe('ttlab reproduce flags', () => {
  it('refuses --quick with --full', async () => {
    expect(await usageError(['--quick', '--full', '--db', db])).toBe('--quick and --full exclude each other');
  });

  it('refuses unknown experiments and names the known ones', async () => {
    const message = await usageError(['--only', 'replay-two-timescale,fig7', '--db', db]);
    expect(message).toContain('"fig7"');
    for (const name of experimentNames) expect(message).toContain(name);
    expect(await usageError(['--only', ' , ', '--db', db])).toMatch(/^--only: expected experiment names/);
  });

  it('refuses unknown flags, positionals and a --dir that is a file', async () => {
    expect(await usageError(['--tier', 'full'])).toMatch(/--tier/);
    expect(await usageError(['quick'])).toMatch(/quick/);
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    expect(await usageError(['--only', 'relu', '--dir', file, '--db', db])).toContain('is a file, not a folder');
    expect(existsSync(db)).toBe(false);
  });

  it('selects experiments in their usual order whatever the order given', () => {
    expect(selectExperiments('relu,replay-two-timescale').map((experiment) => experiment.name)).toEqual([
      'replay-two-timescale',
      'relu',
    ]);
    expect(selectExperiments(undefined).map((experiment) => experiment.name)).toEqual(experimentNames);
  });
});
