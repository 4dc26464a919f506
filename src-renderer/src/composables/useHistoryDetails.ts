/**
 * Full run records fetched on demand and kept: the configuration (re-run, duplicate) and the notes. The run list carries
 * no notes, so a search reads them run by run in the background (a few requests at a time) and matches them as they
 * arrive.
 */
import { ref, shallowRef } from 'vue';
import type { RunDetail } from '#shared/api/contract';
import { useLab } from './useLab';

/** Requests in flight while indexing notes. */
const CONCURRENCY = 8;
/** Notes found (and the progress) are published to the search this many runs at a time. */
const BATCH = 200;

export function useHistoryDetails() {
  const { api } = useLab();
  const details = new Map<string, Promise<RunDetail>>();
  /** notes: the notes known so far by run id (replaced, not mutated, so searches recompute). */
  const notes = shallowRef<ReadonlyMap<string, string>>(new Map());
  /** indexing: progress of reading notes for a search, null when idle. */
  const indexing = ref<{ done: number; total: number } | null>(null);
  let generation = 0;

  function detail(runId: string): Promise<RunDetail> {
    let known = details.get(runId);
    if (!known) {
      known = api.getRun({ runId });
      details.set(runId, known);
      known.catch(() => details.delete(runId));
    }
    return known;
  }

  function rememberNotes(entries: ReadonlyArray<[string, string]>) {
    const next = new Map(notes.value);
    for (const [runId, text] of entries) next.set(runId, text);
    notes.value = next;
  }

  /** Reads the notes of the runs not yet known; a later call supersedes an unfinished one. */
  async function indexNotes(runIds: readonly string[]) {
    const missing = runIds.filter((runId) => !notes.value.has(runId));
    const mine = ++generation;
    if (missing.length === 0) return void (indexing.value = null);
    indexing.value = { done: 0, total: missing.length };
    let next = 0;
    let done = 0;
    let found: Array<[string, string]> = [];
    const publish = () => {
      rememberNotes(found);
      found = [];
    };
    const worker = async () => {
      while (next < missing.length && mine === generation) {
        const runId = missing[next++];
        const run = await detail(runId).catch(() => null);
        if (mine !== generation) return;
        if (run) found.push([run.id, run.notes]);
        if (++done % BATCH === 0) {
          publish();
          indexing.value = { done, total: missing.length };
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (mine !== generation) return;
    publish();
    indexing.value = null;
  }

  /** Forgets a run's record after it changed (notes edited here are kept as typed). */
  function invalidate(runId: string, typedNotes?: string) {
    details.delete(runId);
    if (typedNotes !== undefined) rememberNotes([[runId, typedNotes]]);
  }

  return { detail, notes, indexing, indexNotes, invalidate };
}
