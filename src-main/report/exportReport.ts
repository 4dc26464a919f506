/**
 * Report folders and archives. A folder is written whole or not at all: files go to a temporary folder beside the
 * target, which is then renamed into place; an existing target is kept unless `force`, and `force` replaces only the
 * regular files the export writes (never a folder's other contents, a link or a device).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { errorMessage } from '#shared/base/errors';
import type { ReportContext } from './data';
import type { CsvOptions } from './csv';
import type { ReportPngOptions } from './image';
import { appVersion } from './version';

/** Writing a report failed (target exists, folder missing or not writable); nothing was left behind. */
export class ReportWriteError extends Error {
  override readonly name = 'ReportWriteError';
}

export interface ExportOptions extends ReportPngOptions, CsvOptions {
  /** force: replace an existing target. */
  force?: boolean;
  /** context: date and version printed in the report (default: now, the app's version). */
  context?: ReportContext;
}

export const defaultContext = (): ReportContext => ({ exportedAt: new Date(), version: appVersion() });

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${errorMessage(error)}` : errorMessage(error);
}

/** What is at a path, links not followed: nothing, a regular file, a folder, or anything else (a link, a device...). */
export type PathKind = 'none' | 'file' | 'folder' | 'other';

export function kindAt(path: string): PathKind {
  const stats = lstatSync(path, { throwIfNoEntry: false });
  if (!stats) return 'none';
  return stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other';
}

/**
 * Refuses, before anything is computed or written, an existing path without force, and with force anything but the
 * kind the export writes: force replaces a regular file with a file, or writes a report's files into a folder, never
 * a link, a device or a folder where a file goes.
 */
export function checkTarget(path: string, force: boolean | undefined, expected: 'file' | 'folder' = 'file'): void {
  const kind = kindAt(path);
  if (kind === 'none') return;
  if (!force) throw new ReportWriteError(`${path} exists already (use force to replace it)`);
  if (kind !== expected) {
    const what = kind === 'folder' ? 'a folder' : kind === 'file' ? 'a file' : 'not a regular file or folder';
    throw new ReportWriteError(`${path} is ${what}: force replaces only a regular ${expected}`);
  }
}

/**
 * Puts `write(temporaryPath)`'s result at `path`: written beside it under a hidden name, then renamed over it.
 * An existing `path` is moved aside first and removed only once the new one is in place.
 */
function placeAtomically(
  path: string,
  force: boolean | undefined,
  kind: 'file' | 'folder',
  write: (temporary: string) => void,
): void {
  checkTarget(path, force, kind);
  let temporary: string;
  try {
    temporary = mkdtempSync(join(dirname(path), `.${basename(path)}.partial-`));
  } catch (error) {
    throw new ReportWriteError(`cannot write beside ${path}: ${describe(error)}`);
  }
  const staged = join(temporary, 'content');
  const aside = join(temporary, 'previous');
  let moved = false;
  try {
    write(staged);
    checkTarget(path, force, kind);
    if (existsSync(path)) {
      renameSync(path, aside);
      moved = true;
    }
    renameSync(staged, path);
  } catch (error) {
    if (moved && !existsSync(path)) renameSync(aside, path);
    rmSync(temporary, { recursive: true, force: true });
    throw error instanceof ReportWriteError ? error : new ReportWriteError(`cannot write ${path}: ${describe(error)}`);
  }
  rmSync(temporary, { recursive: true, force: true });
}

/** Writes one file atomically (the PNG or a CSV alone); an existing file is kept unless force. */
export function writeFileAtomically(path: string, data: Uint8Array | string, options: { force?: boolean } = {}): void {
  placeAtomically(resolve(path), options.force, 'file', (temporary) => writeFileSync(temporary, data));
}

/**
 * Writes files (name -> bytes) as the folder `dir`, atomically. An existing `dir` is kept unless force; with force
 * only the report's own files in it are replaced, each atomically, and everything else in the folder stays.
 */
export function writeFolderAtomically(
  dir: string,
  files: Readonly<Record<string, Uint8Array>>,
  options: { force?: boolean } = {},
): void {
  const path = resolve(dir);
  checkTarget(path, options.force, 'folder');
  if (kindAt(path) === 'folder') {
    const targets = Object.keys(files).map((name) => join(path, name));
    for (const target of targets) checkTarget(target, true, 'file');
    targets.forEach((target, i) => writeFileAtomically(target, files[Object.keys(files)[i]], { force: true }));
    return;
  }
  placeAtomically(path, options.force, 'folder', (temporary) => {
    mkdirSync(temporary);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(temporary, name), bytes);
  });
}

/** Files (name -> bytes) as a zip archive: PNGs stored (already compressed), everything else deflated. */
export function zipFiles(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, bytes] of Object.entries(files))
    entries[name] = name.endsWith('.png') ? [bytes, { level: 0 }] : bytes;
  return zipSync(entries, { level: 6 });
}
