import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../src-main/cli/exportCommand';
import { UsageError } from '../../src-main/cli/errors';
import { REPORT_FILES } from '../../src-main/report/files';
import { openReportLab, type ReportLab } from './lab';
import { pngSize } from './png';

let lab: ReportLab;
beforeAll(() => {
  lab = openReportLab();
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  lab.dispose();
});

const out = (name: string) => join(lab.dir, name);
const run = (...args: string[]) => exportCommand([...args, '--db', lab.file]);
/** Files of the lab folder besides the database and what the tests meant to write. */
const strays = (expected: string[]) => readdirSync(lab.dir).filter((name) => !name.startsWith('lab.db') && !expected.includes(name));

/** Asserts the command fails with one line naming `words`, writing nothing. */
async function failsWith(args: string[], words: RegExp, before = readdirSync(lab.dir).sort()) {
  const error = await run(...args).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as Error).message).toMatch(words);
  expect((error as Error).message).not.toContain('\n');
  expect(readdirSync(lab.dir).sort()).toEqual(before);
}

describe('ttlab export', () => {
  it('writes the report image of a run with --png', async () => {
    expect(await run('--run', lab.runId, '--png', out('run.png'))).toBe(0);
    expect(pngSize(readFileSync(out('run.png'))).width).toBe(2400);
  });

  it('writes the metrics of several runs with --csv', async () => {
    expect(await run('--runs', `${lab.runId},${lab.otherRunId}`, '--csv', out('metrics.csv'))).toBe(0);
    const rows = parse(readFileSync(out('metrics.csv')), { columns: true }) as Array<{ run_id: string }>;
    expect(new Set(rows.map((row) => row.run_id))).toEqual(new Set([lab.runId, lab.otherRunId]));
  });

  it('writes the whole folder of a sweep with --dir, and the image beside it', async () => {
    expect(await run('--sweep', lab.sweepId, '--dir', out('sweep'), '--png', out('sweep.png'))).toBe(0);
    expect(readdirSync(out('sweep')).sort()).toEqual([...REPORT_FILES].sort());
    expect(Buffer.compare(readFileSync(out('sweep.png')), readFileSync(join(out('sweep'), 'report.png')))).toBe(0);
    expect(strays(['run.png', 'metrics.csv', 'sweep', 'sweep.png'])).toEqual([]);
  });

  it('refuses an unknown run, naming it', async () => {
    await failsWith(['--run', 'no-such-run', '--png', out('none.png')], /--run: run no-such-run not found/);
    await failsWith(['--runs', `${lab.runId},no-such-run`, '--dir', out('none')], /run no-such-run not found/);
    await failsWith(['--sweep', 'no-such-sweep', '--csv', out('none.csv')], /sweep no-such-sweep not found/);
  });

  it('refuses an existing file without --force, and replaces it with --force', async () => {
    writeFileSync(out('taken.png'), 'mine');
    await failsWith(['--run', lab.runId, '--png', out('taken.png')], /exists already; add --force/);
    expect(readFileSync(out('taken.png'), 'utf8')).toBe('mine');
    expect(await run('--run', lab.runId, '--png', out('taken.png'), '--force')).toBe(0);
    expect(pngSize(readFileSync(out('taken.png'))).width).toBe(2400);
  });

  it('refuses paths it cannot write: a missing folder, a file used as a folder, a folder as a file', async () => {
    await failsWith(['--run', lab.runId, '--png', join(lab.dir, 'missing', 'x.png')], /--png: folder .* does not exist/);
    writeFileSync(out('plain-file'), '');
    await failsWith(['--run', lab.runId, '--dir', join(out('plain-file'), 'report')], /--dir: folder .* does not exist/);
    await failsWith(['--run', lab.runId, '--csv', lab.dir, '--force'], /is a folder/);
  });

  it('refuses bad flag combinations and a missing database', async () => {
    await failsWith(['--png', out('x.png')], /exactly one of --run/);
    await failsWith(['--run', lab.runId, '--sweep', lab.sweepId, '--png', out('x.png')], /exactly one of --run/);
    await failsWith(['--run', lab.runId], /at least one of --png/);
    await failsWith(['--run', lab.runId, '--png', out('same'), '--csv', out('same')], /different paths/);
    await failsWith(['--runs', ',', '--png', out('x.png')], /--runs: expected run ids/);
    await failsWith(['--run', lab.runId, '--png', out('x.png'), '--bogus'], /bogus/);
    const error = await exportCommand(['--run', lab.runId, '--png', out('x.png'), '--db', out('nothing.db')]).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect(existsSync(out('x.png')) || existsSync(out('nothing.db'))).toBe(false);
  });
});
