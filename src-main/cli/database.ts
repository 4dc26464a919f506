/** Opens the lab's database for a CLI command, turning open errors into one-line usage errors. */
import { existsSync } from 'node:fs';
import { defaultDatabasePath, openStore, type RunStore } from '../store';
import { errorMessage, UsageError } from '#shared/base/errors';

export function openCliStore(
  file: string | undefined,
  options: { mustExist?: boolean; readonly?: boolean } = {},
): RunStore {
  const path = file ?? defaultDatabasePath();
  if (options.mustExist && path !== ':memory:' && !existsSync(path))
    throw new UsageError(`--db: no database at ${path}`);
  try {
    return openStore(path, { readonly: options.readonly });
  } catch (error) {
    throw new UsageError(`--db: ${errorMessage(error)}`);
  }
}
