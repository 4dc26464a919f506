/** `ttlab merge FILE|FOLDER... --into DB`: merges lab databases (shards of a cluster sweep) by run id. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { databaseFiles, describeMerge, mergeInto } from '../cluster/mergeFiles';
import { DatabaseOpenError, StoredDataError } from '../store';
import { UsageError } from '#shared/base/errors';
import { parseCommandLine, requiredFlag, validateFlags } from './flagSchema';
import { jsonText } from './jsonOutput';

const mergeFlags = z.object({
  into: requiredFlag('the lab database to merge into, e.g. --into lab.sqlite'),
  journal: z
    .enum(['wal', 'rollback'], { error: 'expected wal (the default) or rollback (for network file systems)' })
    .default('wal'),
  json: z.boolean().optional(),
});

export async function mergeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(
    args,
    { into: { type: 'string' }, journal: { type: 'string' }, json: { type: 'boolean' } },
    100_000,
  );
  const flags = validateFlags(mergeFlags, values);
  if (positionals.length === 0) throw new UsageError('give the databases to merge: ttlab merge FILE... --into DB');
  const missing = positionals.find((path) => !existsSync(path));
  if (missing !== undefined) throw new UsageError(`${missing}: no such file or folder`);
  const files = databaseFiles(positionals);
  if (files.length === 0) throw new UsageError(`no .sqlite files in ${positionals.join(', ')}`);
  const into = resolve(flags.into);
  if (files.includes(into)) throw new UsageError(`--into: ${into} is also one of the files to merge`);
  let counts;
  try {
    counts = mergeInto(into, files, flags.journal);
  } catch (error) {
    // A refused file rolls the whole merge back: say so, with the file's problem.
    if (error instanceof DatabaseOpenError || error instanceof StoredDataError)
      throw new UsageError(`merge refused, nothing was written: ${error.message}`);
    throw error;
  }
  for (const refusal of counts.refusals) process.stderr.write(`refused: ${refusal}\n`);
  if (flags.json) process.stdout.write(jsonText({ files: files.length, ...counts }));
  else process.stdout.write(`merged ${files.length} files into ${into}: ${describeMerge(counts)}\n`);
  return 0;
}
