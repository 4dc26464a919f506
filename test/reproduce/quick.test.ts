/**
 * `ttlab reproduce --quick` as CI runs it: every qualitative claim of the paper, in a real process on a temporary
 * database. This is the reproduction's promise, so it runs in `npm test` (a minute or two on two cores).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'ttlab-quick-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ttlab reproduce --quick', () => {
  it('passes every check of the quick tier and exits 0', () => {
    const bin = join(import.meta.dirname, '../../bin/ttlab.mjs');
    const result = spawnSync(
      process.execPath,
      [bin, 'reproduce', '--quick', '--db', join(dir, 'lab.sqlite'), '--json'],
      { encoding: 'utf8', timeout: 900_000 },
    );
    const table = JSON.parse(result.stdout) as {
      pass: boolean;
      checks: Array<{ experiment: string; claim: string; measured: string; pass: boolean }>;
    };
    const failed = table.checks
      .filter((check) => !check.pass)
      .map((check) => `${check.experiment}: ${check.claim} (measured ${check.measured})`);
    expect(failed).toEqual([]);
    expect(table.pass).toBe(true);
    expect(result.status).toBe(0);
    const experiments = new Set(table.checks.map((check) => check.experiment));
    expect(experiments).toEqual(
      new Set([
        'replay-two-timescale',
        'replay-same-stepsizes',
        'two-timescale',
        'same-stepsizes',
        'varying-epsilon',
        '2d',
        '10d',
        'relu',
      ]),
    );
  }, 900_000);
});
