/** Merging shard databases into one lab database: the files to read (a folder stands for its .sqlite files) and the merge. */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore, type MergeCounts, type OpenOptions } from '../store';

/** The databases `paths` name: files as they are, folders as the `.sqlite` files directly inside them, sorted. */
export function databaseFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isDirectory()) return [resolve(path)];
    return readdirSync(path)
      .filter((name) => name.endsWith('.sqlite') && !name.startsWith('.'))
      .sort((x, y) => x.localeCompare(y, 'en', { numeric: true }))
      .map((name) => resolve(join(path, name)));
  });
}

/**
 * The databases to import from `path`: a file as it is; a folder as its .sqlite files, or those of its `shards`
 * folder when it has one (a cluster plan folder keeps its shard databases there).
 */
export function importSources(path: string): string[] {
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) return databaseFiles([path]);
  const shards = join(path, 'shards');
  return databaseFiles([statSync(shards, { throwIfNoEntry: false })?.isDirectory() ? shards : path]);
}

/** Merges `files` into the lab database `into` (created when missing) in one transaction; see RunStore.mergeFrom. */
export function mergeInto(
  into: string,
  files: readonly string[],
  journal: OpenOptions['journal'] = 'wal',
): MergeCounts {
  const created = !existsSync(into);
  const store = openStore(into, { journal });
  let counts: MergeCounts;
  try {
    counts = store.mergeFrom(files);
  } catch (error) {
    store.close();
    // A refused merge writes nothing, not even the empty database it was to fill.
    if (created) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${into}${suffix}`, { force: true });
    throw error;
  }
  store.close();
  return counts;
}

/** "24 runs added (2 replacing unfinished copies), 0 already present, 0 refused" */
export function describeMerge(counts: MergeCounts): string {
  const replaced = counts.replaced > 0 ? ` (${counts.replaced} replacing unfinished copies)` : '';
  return `${counts.added} runs added${replaced}, ${counts.present} already present, ${counts.refused} refused`;
}
