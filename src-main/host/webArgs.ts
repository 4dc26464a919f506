/** The command line of browser mode: `--port N` (0 to 65535, 0 = any free port) and `--db FILE`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { errorMessage, UsageError } from '#shared/base/errors';

export interface WebOptions {
  /** The port asked for, or undefined: then the port of the last start when it is free, else any free one. */
  port?: number;
  /** Absolute path of the run database, or undefined for the default. */
  db?: string;
}

export function parseWebArgs(argv: readonly string[]): WebOptions {
  let values: { port?: string; db?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { port: { type: 'string' }, db: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(errorMessage(error).replace(/\s*\n\s*/g, ' '));
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (values.port !== undefined && (!/^\d+$/.test(values.port) || port === undefined || port > 65535)) {
    throw new UsageError(
      `--port expects a whole number from 0 to 65535 (0 picks a free port), got ${JSON.stringify(values.port)}`,
    );
  }
  if (values.db !== undefined && values.db.trim() === '')
    throw new UsageError('--db expects a file path, got an empty string');
  return { port, db: values.db === undefined ? undefined : resolve(values.db) };
}
