import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/base/errors';
import { runConfigSchema, sweepSpecSchema } from '#shared/config/schema';
import { ReportWriteError } from '../../src-main/report/exportReport';
import { REPORT_FILES } from '../../src-main/report/files';
import { exportReport, exportReportZip } from './export';
import { openReportLab, type ReportLab } from './lab';
import { pngSize } from './png';

const context = { exportedAt: new Date('2026-01-02T03:04:05Z'), version: '9.8.7' };
let lab: ReportLab;
beforeAll(() => {
  lab = openReportLab();
});
afterAll(() => lab.dispose());

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;
/** Entries of the lab folder other than the database: left-over temporary folders would show here. */
const leftovers = () =>
  readdirSync(lab.dir).filter((name) => !name.startsWith('lab.db') && !name.startsWith('report-'));

describe('exportReport', () => {
  it('writes the report folder of a run, with a config.json that validates as the run configuration', () => {
    const dir = join(lab.dir, 'report-run');
    const result = exportReport(lab.store, { runId: lab.runId }, dir, { context, pixelRatio: 1 });
    expect(readdirSync(dir).sort()).toEqual([...REPORT_FILES].sort());
    expect(result.files.sort()).toEqual([...REPORT_FILES].sort());
    expect(pngSize(readFileSync(join(dir, 'report.png'))).width).toBe(1200);
    expect(runConfigSchema.parse(readJson(join(dir, 'config.json')))).toEqual(lab.store.getRun(lab.runId).config);
    expect(leftovers()).toEqual([]);
  });

  it('writes the configurations of compared runs as an array and the spec of a sweep', () => {
    const compared = join(lab.dir, 'report-compared');
    exportReport(lab.store, { runIds: [lab.runId, lab.otherRunId] }, compared, { context, pixelRatio: 1 });
    const configs = readJson(join(compared, 'config.json')) as unknown[];
    expect(configs.map((config) => runConfigSchema.parse(config).seed)).toEqual([42, 7]);
    const sweep = join(lab.dir, 'report-sweep');
    exportReport(lab.store, { sweepId: lab.sweepId }, sweep, { context, pixelRatio: 1 });
    expect(sweepSpecSchema.parse(readJson(join(sweep, 'config.json')))).toEqual(
      lab.store.getSweep(lab.sweepId).sweep.spec,
    );
    expect(readFileSync(join(sweep, 'runs.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 8);
  });

  it('refuses an existing folder without force and changes nothing; with force writes the report files into it, keeping the rest', () => {
    const dir = join(lab.dir, 'report-existing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'mine.txt'), 'keep me');
    expect(() => exportReport(lab.store, { runId: lab.runId }, dir, { context, pixelRatio: 1 })).toThrow(
      ReportWriteError,
    );
    expect(readdirSync(dir)).toEqual(['mine.txt']);
    exportReport(lab.store, { runId: lab.runId }, dir, { context, pixelRatio: 1, force: true });
    expect(readdirSync(dir).sort()).toEqual([...REPORT_FILES, 'mine.txt'].sort());
    expect(leftovers()).toEqual([]);
  });

  it('leaves nothing behind when the folder beside cannot be written, or the run is unknown', () => {
    expect(() =>
      exportReport(lab.store, { runId: lab.runId }, join(lab.dir, 'missing', 'report'), { context, pixelRatio: 1 }),
    ).toThrow(ReportWriteError);
    const target = join(lab.dir, 'report-unknown');
    expect(() => exportReport(lab.store, { runId: 'no-such-run' }, target, { context })).toThrow(NotFoundError);
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe('exportReportZip', () => {
  it('holds the same files as the folder', () => {
    const zip = exportReportZip(lab.store, { runId: lab.runId }, { context, pixelRatio: 1 });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([...REPORT_FILES].sort());
    const dir = join(lab.dir, 'report-for-zip');
    exportReport(lab.store, { runId: lab.runId }, dir, { context, pixelRatio: 1 });
    for (const name of REPORT_FILES)
      expect(Buffer.compare(Buffer.from(files[name]), readFileSync(join(dir, name)))).toBe(0);
  });
});
