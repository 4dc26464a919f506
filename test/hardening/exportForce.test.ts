/**
 * Exports never destroy user files. --force replaces only the files the export writes, and only
 * regular files: the other contents of a report folder stay, and links, devices, pipes and folders are refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src-main/cli/exportCommand';
import { errorMessage, UsageError } from '#shared/base/errors';
import { ReportWriteError, writeFileAtomically, writeFolderAtomically } from '../../src-main/report/exportReport';
import { REPORT_FILES } from '../../src-main/report/files';
import { useExportLab } from '../report/lab';
import { tempFolder } from '../store/helpers';

const exports = useExportLab();

/** A folder holding a user's files and an old report image. */
function userFolder(): string {
  const dir = tempFolder();
  writeFileSync(join(dir, 'notes.txt'), 'my notes');
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'measurements.csv'), '1,2,3');
  writeFileSync(join(dir, 'report.png'), 'old image');
  return dir;
}

describe('export --dir into an existing folder with --force', () => {
  it('replaces the report files and keeps everything else (the CLI in the current folder)', async () => {
    const dir = userFolder();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await exportCommand(['--run', exports.lab.runId, '--dir', '.', '--force', '--db', exports.lab.file])).toBe(
        0,
      );
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes');
    expect(readFileSync(join(dir, 'data', 'measurements.csv'), 'utf8')).toBe('1,2,3');
    expect(readFileSync(join(dir, 'report.png')).subarray(1, 4).toString()).toBe('PNG');
    expect(readdirSync(dir).sort()).toEqual(['data', 'notes.txt', ...REPORT_FILES].sort());
  });

  it('refuses, writing nothing, when a report file in the folder is not a regular file', () => {
    const dir = userFolder();
    mkdirSync(join(dir, 'metrics.csv'));
    const files = Object.fromEntries(REPORT_FILES.map((name) => [name, new TextEncoder().encode(name)]));
    expect(() => writeFolderAtomically(dir, files, { force: true })).toThrow(
      new ReportWriteError(`${join(dir, 'metrics.csv')} is a folder: force replaces only a regular file`),
    );
    expect(readFileSync(join(dir, 'report.png'), 'utf8')).toBe('old image');
  });
});

describe('export to a single file with --force', () => {
  it('refuses a link, leaving it and its target alone', () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    symlinkSync(join(dir, 'precious.txt'), join(dir, 'report.png'));
    expect(() => writeFileAtomically(join(dir, 'report.png'), 'image', { force: true })).toThrow(
      /is not a regular file or folder: force replaces only a regular file$/,
    );
    expect(lstatSync(join(dir, 'report.png')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses a named pipe or device from the command line, naming the flag', async () => {
    const dir = tempFolder();
    const fifo = join(dir, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    for (const [flag, path] of [
      ['--png', fifo],
      ['--csv', '/dev/null'],
      ['--png', dir],
    ] as const) {
      const error = await exportCommand([
        '--run',
        exports.lab.runId,
        flag,
        path,
        '--force',
        '--db',
        exports.lab.file,
      ]).catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(UsageError);
      expect(errorMessage(error)).toMatch(
        new RegExp(`^${flag}: .* is (not a regular file or folder|a folder): force replaces only a regular file$`),
      );
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('still replaces a regular file', () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'metrics.csv'), 'old');
    writeFileAtomically(join(dir, 'metrics.csv'), 'new', { force: true });
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['metrics.csv']);
  });
});
