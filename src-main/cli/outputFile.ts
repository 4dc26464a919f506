/**
 * Files a command writes where the user asked (--out): checked before any work starts, written whole or not at all,
 * and never put over an existing file without --force. The content goes to a hidden file beside the target, which is
 * then linked into place (a link fails if the name was taken meanwhile) or, with --force, renamed over it.
 */
import { accessSync, constants, existsSync, linkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errorMessage, UsageError } from '#shared/base/errors';

/** The absolute path of `file`, or a usage error naming the flag when its folder is missing or read-only. */
export function checkOutputFolder(flag: string, file: string): string {
  const path = resolve(file);
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`--${flag}: folder ${folder} does not exist`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new UsageError(`--${flag}: folder ${folder} is not writable`);
  }
  return path;
}

/** The absolute output path, or a usage error naming the flag: folder missing or read-only, target a folder, or taken without force. */
export function checkOutputFile(flag: string, file: string, force: boolean): string {
  const path = checkOutputFolder(flag, file);
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) throw new UsageError(`--${flag}: ${path} is a folder`);
    if (!force) throw new UsageError(`--${flag}: ${path} exists already; add --force to replace it`);
  }
  return path;
}

/** Writes `data` at `path` atomically; without force, a file that appeared there since the check is kept. */
export function writeOutputFile(flag: string, path: string, data: string | Uint8Array, force: boolean): void {
  const staging = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(staging, data);
    if (force) renameSync(staging, path);
    else linkSync(staging, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(
        `--${flag}: ${path} was created while the command ran; it was kept (add --force to replace it)`,
      );
    throw new UsageError(`--${flag}: cannot write ${path}: ${code ?? errorMessage(error)}`);
  } finally {
    rmSync(staging, { force: true });
  }
}
