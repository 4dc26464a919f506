/**
 * The copy of a merge: the runs of several lab databases into one, in one immediate transaction, on whichever
 * connection to the target it is given: the merge thread's own (RunStore.importFiles, see mergeThread.ts) or the
 * store's (RunStore.mergeFrom, for `ttlab merge` and in-memory databases).
 */
import type Database from 'better-sqlite3';
import { checkpointStatements } from './checkpoints';
import { openImportSource } from './connection';
import { guardWrite } from './errors';
import { finishColumns } from './finish';
import { copyDatabase } from './importDatabase';
import { importStatements } from './importRows';
import {
  attachedCheckpointCopier,
  copyProvenance,
  emptyMergeCounts,
  MAX_ATTACHED_SOURCES,
  planMerge,
  readCheckpointCopier,
  rollbackJournal,
  type MergeCounts,
} from './mergeDatabase';
import { runStatements } from './runs';

/** The error of a run that was still queued or running in the database it was imported from. */
export const IMPORTED_UNFINISHED_ERROR = 'this run was imported before it finished';

/**
 * Merges the lab databases `files` into `target` (the connection to `targetFile`) in one transaction: a file that is
 * refused (foreign, damaged, newer, invalid rows) throws and nothing at all is written; storage failures become
 * DatabaseWriteError. See RunStore.mergeFrom for what is copied and MergeCounts for what is counted.
 */
export function mergeDatabases(
  target: Database.Database,
  targetFile: string,
  files: readonly string[],
  nativeBinding?: string,
): MergeCounts {
  /** Sources attached to `target` for their checkpoints (see attachedCheckpointCopier); detached after the commit. */
  const attached: string[] = [];
  try {
    return guardWrite(targetFile, `merge runs from ${files.length} files`, () =>
      target.transaction(() => mergeSources(target, files, attached, nativeBinding)).immediate(),
    );
  } finally {
    for (const alias of attached) target.exec(`DETACH DATABASE ${alias}`);
  }
}

function mergeSources(
  target: Database.Database,
  files: readonly string[],
  attached: string[],
  nativeBinding: string | undefined,
): MergeCounts {
  const runs = runStatements(target);
  const imports = importStatements(target);
  const interrupt = interrupter(target, runs);
  const total = emptyMergeCounts();
  for (const file of files) {
    const source = openImportSource(file, nativeBinding);
    try {
      source.transaction(() => {
        const plan = planMerge(source, file, target);
        runs.remove(plan.superseded);
        // The first few sources with a rollback journal (shards) have their checkpoints copied by SQLite itself.
        // Every other source's are checked by SQLite too, and copied row by row as they are.
        let copier: (runId: string) => void;
        if (attached.length < MAX_ATTACHED_SOURCES && rollbackJournal(source)) {
          const alias = `merge_source_${attached.length}`;
          copier = attachedCheckpointCopier(target, file, alias);
          attached.push(alias);
        } else {
          copier = readCheckpointCopier(source, file, target);
        }
        const { added, unfinished, sweeps } = copyDatabase(source, file, imports, copier);
        copyProvenance(source, file, target, added);
        for (const runId of unfinished) interrupt(runId);
        total.added += added.length;
        total.replaced += plan.superseded.length;
        total.present += plan.present;
        total.refused += plan.refusals.length;
        total.sweeps += sweeps;
        total.refusals.push(...plan.refusals);
      })();
    } finally {
      source.close();
    }
  }
  return total;
}

/** Ends an imported run that was unfinished in its source as 'interrupted', its summary computed from its checkpoints (as RunStore.finishRun does). */
function interrupter(target: Database.Database, runs: ReturnType<typeof runStatements>): (runId: string) => void {
  const checkpoints = checkpointStatements(target);
  return (runId) => {
    const run = runs.progressOf(runId);
    if (!run) return;
    runs.finish(
      runId,
      'interrupted',
      finishColumns({ durationMs: null, error: IMPORTED_UNFINISHED_ERROR }, checkpoints.last(runId), run, new Date()),
    );
  };
}
