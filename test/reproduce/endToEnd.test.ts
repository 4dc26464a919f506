/** One real experiment through `ttlab reproduce`: trainer processes, a temporary database, the report folder. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { reproduceCommand } from '../../src-main/cli/reproduceCommand';
import { openStore } from '../../src-main/store';

const dir = mkdtempSync(join(tmpdir(), 'ttlab-reproduce-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Runs the command with stdout and stderr captured. */
async function reproduce(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { code: await reproduceCommand(args), stdout };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('ttlab reproduce --only replay-same-stepsizes', () => {
  const db = join(dir, 'lab.sqlite');
  const report = join(dir, 'report');

  it('replays Fig 5, stores it as a sweep, and writes the table and figures', async () => {
    const { code, stdout } = await reproduce([
      '--only',
      'replay-same-stepsizes',
      '--db',
      db,
      '--dir',
      report,
      '--json',
    ]);
    const table = JSON.parse(stdout);
    expect(table).toMatchObject({
      tier: 'quick',
      pass: true,
      experiments: [{ name: 'replay-same-stepsizes', runs: 1, pass: true }],
    });
    expect(code).toBe(0);
    expect(table.checks.map((row: { claim: string }) => row.claim)).toEqual([
      'every run finishes',
      'the jump at 0.5 is left uncovered',
      'final loss stuck far above the floor',
    ]);

    const store = openStore(db, { readonly: true });
    try {
      const [sweep] = store.listSweeps();
      expect(sweep).toMatchObject({ name: 'reproduce/replay-same-stepsizes/quick', runCount: 1, doneCount: 1 });
      const [run] = store.getSweep(sweep.id).runs;
      // seed 42 replayed with numpy's generator: the stuck run of Fig 5
      expect(run).toMatchObject({ seed: 42, epsilon: 1, steps: 999_999, coveredJumps: 2 });
      expect(table.checks[2].measured).toBe(run.finalLoss?.toPrecision(3));
    } finally {
      store.close();
    }

    const files = readdirSync(report).sort();
    expect(files).toEqual([
      'RESULTS.md',
      'fig5-same-stepsizes-fit.png',
      'fig5-same-stepsizes-loss.png',
      'fig5-same-stepsizes-neurons.png',
      'results.csv',
    ]);
    for (const png of files.filter((file) => file.endsWith('.png')))
      expect(readFileSync(join(report, png)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const csv = parse(readFileSync(join(report, 'results.csv'), 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(csv.map((row) => [row.claim, row.result])).toEqual(
      table.checks.map((row: { claim: string; pass: boolean }) => [row.claim, row.pass ? 'pass' : 'FAIL']),
    );
    const markdown = readFileSync(join(report, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('| replay-same-stepsizes | the jump at 0.5 is left uncovered |');
    expect(markdown).toContain('](fig5-same-stepsizes-loss.png)');
  });
});
