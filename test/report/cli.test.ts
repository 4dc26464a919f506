import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src-main/cli/exportCommand';
import { errorMessage, UsageError } from '#shared/base/errors';
import { REPORT_FILES } from '../../src-main/report/files';
import { useExportLab } from './lab';
import { pngSize } from './png';

const exports = useExportLab();
const { out, run } = exports;
/** Files of the lab folder besides the database and what the tests meant to write. */
const strays = (expected: string[]) =>
  readdirSync(exports.lab.dir).filter((name) => !name.startsWith('lab.db') && !expected.includes(name));

/** Asserts the command fails with one line naming `words`, writing nothing. */
async function failsWith(args: string[], words: RegExp, before = readdirSync(exports.lab.dir).sort()) {
  const error = await run(...args).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(errorMessage(error)).toMatch(words);
  expect(errorMessage(error)).not.toContain('\n');
  expect(readdirSync(exports.lab.dir).sort()).toEqual(before);
}

describe('ttlab export', () => {
  it('writes the report image of a run with --png', async () => {
    expect(await run('--run', exports.lab.runId, '--png', out('run.png'))).toBe(0);
    expect(pngSize(readFileSync(out('run.png'))).width).toBe(2400);
  });

  it('writes the metrics of several runs with --csv', async () => {
    expect(await run('--runs', `${exports.lab.runId},${exports.lab.otherRunId}`, '--csv', out('metrics.csv'))).toBe(0);
    const rows = parse(readFileSync(out('metrics.csv')), { columns: true }) as Array<{ run_id: string }>;
    expect(new Set(rows.map((row) => row.run_id))).toEqual(new Set([exports.lab.runId, exports.lab.otherRunId]));
  });

  it('writes the whole folder of a sweep with --dir, and the image beside it', async () => {
    expect(await run('--sweep', exports.lab.sweepId, '--dir', out('sweep'), '--png', out('sweep.png'))).toBe(0);
    expect(readdirSync(out('sweep')).sort()).toEqual([...REPORT_FILES].sort());
    expect(Buffer.compare(readFileSync(out('sweep.png')), readFileSync(join(out('sweep'), 'report.png')))).toBe(0);
    expect(strays(['run.png', 'metrics.csv', 'sweep', 'sweep.png'])).toEqual([]);
  });

  it('refuses an unknown run, naming it', async () => {
    await failsWith(['--run', 'no-such-run', '--png', out('none.png')], /--run: run no-such-run not found/);
    await failsWith(['--runs', `${exports.lab.runId},no-such-run`, '--dir', out('none')], /run no-such-run not found/);
    await failsWith(['--sweep', 'no-such-sweep', '--csv', out('none.csv')], /sweep no-such-sweep not found/);
  });

  it('refuses an existing file without --force, and replaces it with --force', async () => {
    writeFileSync(out('taken.png'), 'mine');
    await failsWith(['--run', exports.lab.runId, '--png', out('taken.png')], /exists already; add --force/);
    expect(readFileSync(out('taken.png'), 'utf8')).toBe('mine');
    expect(await run('--run', exports.lab.runId, '--png', out('taken.png'), '--force')).toBe(0);
    expect(pngSize(readFileSync(out('taken.png'))).width).toBe(2400);
  });

  it('refuses paths it cannot write: a missing folder, a file used as a folder, a folder as a file', async () => {
    await failsWith(
      ['--run', exports.lab.runId, '--png', join(exports.lab.dir, 'missing', 'x.png')],
      /--png: folder .* does not exist/,
    );
    writeFileSync(out('plain-file'), '');
    await failsWith(
      ['--run', exports.lab.runId, '--dir', join(out('plain-file'), 'report')],
      /--dir: folder .* does not exist/,
    );
    await failsWith(['--run', exports.lab.runId, '--csv', exports.lab.dir, '--force'], /is a folder/);
  });

  it('refuses bad flag combinations and a missing database', async () => {
    await failsWith(['--png', out('x.png')], /exactly one of --run/);
    await failsWith(
      ['--run', exports.lab.runId, '--sweep', exports.lab.sweepId, '--png', out('x.png')],
      /exactly one of --run/,
    );
    await failsWith(['--run', exports.lab.runId], /at least one of --png/);
    await failsWith(['--run', exports.lab.runId, '--png', out('same'), '--csv', out('same')], /different paths/);
    await failsWith(['--runs', ',', '--png', out('x.png')], /--runs: expected run ids/);
    await failsWith(['--run', exports.lab.runId, '--png', out('x.png'), '--bogus'], /bogus/);
    const error = await exportCommand([
      '--run',
      exports.lab.runId,
      '--png',
      out('x.png'),
      '--db',
      out('nothing.db'),
    ]).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect(existsSync(out('x.png')) || existsSync(out('nothing.db'))).toBe(false);
  });
});
