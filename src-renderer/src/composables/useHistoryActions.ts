/**
 * Edits and actions on saved runs: rename, tag, star, notes saved as they are typed (debounced), delete with an undo
 * window, re-run with the stored configuration, and duplicate into the designer. Deleting hides the runs at once and
 * sends deleteRuns only when the undo window closes (or when the screen goes away).
 */
import { onScopeDispose, ref, shallowRef } from 'vue';
import type { RunSummary } from '#shared/api/contract';
import { errorMessage } from '#shared/base/errors';
import { setDraft } from './useDraft';
import { useHistoryDetails } from './useHistoryDetails';
import { useLab } from './useLab';
import { useRoute } from './useRoute';

/** Quiet time after the last keystroke before notes are saved. */
export const NOTES_DELAY_MS = 600;
/** How long a deletion can be undone. */
export const UNDO_WINDOW_MS = 6000;

/** Runs deleted but not yet sent to the lab. */
export interface PendingDelete {
  runIds: string[];
  /** label: e.g. "3 runs" or "run sgd-1". */
  label: string;
}

export function useHistoryActions(options: {
  replace: (run: RunSummary) => void;
  forget: (runIds: readonly string[]) => void;
  details: ReturnType<typeof useHistoryDetails>;
}) {
  const { api } = useLab();
  const { navigate } = useRoute();
  const error = ref<string | null>(null);
  /** saving: run ids whose notes wait to be saved or are being saved; saved: the last run whose notes reached the lab. */
  const saving = shallowRef<ReadonlySet<string>>(new Set());
  const pending = shallowRef<PendingDelete | null>(null);
  /** hidden: runs of the pending deletion, left out of the table. */
  const hidden = shallowRef<ReadonlySet<string>>(new Set());
  const noteTimers = new Map<string, { timer: ReturnType<typeof setTimeout>; text: string }>();
  let deleteTimer: ReturnType<typeof setTimeout> | undefined;

  async function attempt<T>(what: string, action: () => Promise<T>): Promise<T | null> {
    try {
      const result = await action();
      error.value = null;
      return result;
    } catch (failure) {
      error.value = `Could not ${what}: ${errorMessage(failure)}`;
      return null;
    }
  }

  async function update(
    runId: string,
    patch: { name?: string; tags?: string[]; notes?: string; starred?: boolean },
    what: string,
  ) {
    const summary = await attempt(what, () => api.updateRun({ runId, ...patch }));
    if (summary) options.replace(summary);
    return summary;
  }

  const rename = (run: RunSummary, name: string) =>
    name.trim() && name.trim() !== run.name
      ? update(run.id, { name: name.trim() }, 'rename the run')
      : Promise.resolve(null);
  const setTags = (run: RunSummary, tags: string[]) => update(run.id, { tags }, 'save the tags');
  const setStar = (run: RunSummary, starred: boolean) => update(run.id, { starred }, 'star the run');

  /** Adds (or with remove, takes away) a tag on several runs, one request per run that changes. */
  async function tagMany(runs: readonly RunSummary[], tag: string, remove = false) {
    const clean = tag.trim();
    if (!clean) return;
    const changing = runs.filter((run) => run.tags.includes(clean) === remove);
    await Promise.all(
      changing.map((run) => setTags(run, remove ? run.tags.filter((t) => t !== clean) : [...run.tags, clean])),
    );
  }

  const starMany = (runs: readonly RunSummary[], starred: boolean) =>
    Promise.all(runs.filter((run) => run.starred !== starred).map((run) => setStar(run, starred)));

  async function saveNotes(runId: string, text: string) {
    noteTimers.delete(runId);
    const done = await update(runId, { notes: text }, 'save the notes');
    if (done) options.details.invalidate(runId, text);
    if (!noteTimers.has(runId)) saving.value = new Set([...saving.value].filter((id) => id !== runId));
  }

  /** Schedules saving the notes of `runId`; typing again restarts the wait. */
  function typeNotes(runId: string, text: string) {
    clearTimeout(noteTimers.get(runId)?.timer);
    noteTimers.set(runId, { text, timer: setTimeout(() => void saveNotes(runId, text), NOTES_DELAY_MS) });
    saving.value = new Set([...saving.value, runId]);
  }

  /** Saves waiting notes now (leaving the screen or the run). */
  function flushNotes() {
    for (const [runId, { timer, text }] of [...noteTimers]) {
      clearTimeout(timer);
      void saveNotes(runId, text);
    }
  }

  /** Sends the pending deletion to the lab. */
  async function commitDelete() {
    clearTimeout(deleteTimer);
    const batch = pending.value;
    if (!batch) return;
    pending.value = null;
    const done = await attempt('delete the runs', () => api.deleteRuns({ runIds: batch.runIds }));
    if (done) options.forget(batch.runIds);
    const left = new Set(hidden.value);
    for (const runId of batch.runIds) left.delete(runId);
    hidden.value = left;
  }

  /** Hides the runs now and deletes them when the undo window closes; a new deletion first sends the previous one. */
  function remove(runs: readonly RunSummary[]) {
    if (runs.length === 0) return;
    void commitDelete();
    const runIds = runs.map((run) => run.id);
    pending.value = { runIds, label: runs.length === 1 ? `run “${runs[0].name}”` : `${runs.length} runs` };
    hidden.value = new Set([...hidden.value, ...runIds]);
    deleteTimer = setTimeout(() => void commitDelete(), UNDO_WINDOW_MS);
  }

  function undoDelete() {
    clearTimeout(deleteTimer);
    const batch = pending.value;
    if (!batch) return;
    pending.value = null;
    const left = new Set(hidden.value);
    for (const runId of batch.runIds) left.delete(runId);
    hidden.value = left;
  }

  /** Starts each run again with its stored configuration (the same seed replays it bit for bit); opens it when alone. */
  async function rerun(runs: readonly RunSummary[]) {
    const started = await attempt('start the runs again', () =>
      Promise.all(
        runs.map(
          async (run) =>
            (
              await api.startRun({
                config: (await options.details.detail(run.id)).config,
                name: `${run.name} (re-run)`,
              })
            ).runId,
        ),
      ),
    );
    if (started?.length === 1) navigate({ name: 'run', runId: started[0] });
    return started;
  }

  /** Goes on with a cancelled, failed or interrupted run from its last saved state, and opens it. */
  async function resume(run: RunSummary) {
    const resumed = await attempt('resume the run', () => api.resumeRun({ runId: run.id }));
    if (resumed) navigate({ name: 'run', runId: run.id });
    return resumed;
  }

  /** Opens the designer prefilled with the run's configuration. */
  async function duplicate(run: RunSummary) {
    const detail = await attempt('read the run', () => options.details.detail(run.id));
    if (!detail) return;
    setDraft(detail.config, `copy of ${run.name}`);
    navigate({ name: 'new' });
  }

  /** Leaving the screen or the page ends the undo window: what was deleted is deleted. */
  const leave = () => {
    flushNotes();
    void commitDelete();
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', leave);
  onScopeDispose(() => {
    if (typeof window !== 'undefined') window.removeEventListener('pagehide', leave);
    leave();
  });

  return {
    error,
    saving,
    pending,
    hidden,
    rename,
    setTags,
    setStar,
    tagMany,
    starMany,
    typeNotes,
    flushNotes,
    remove,
    undoDelete,
    commitDelete,
    rerun,
    resume,
    duplicate,
  };
}
