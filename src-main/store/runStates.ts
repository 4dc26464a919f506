/** Statements on the saved states of unfinished runs (run_states) and on the runs' provenance, prepared once per connection. */
import type Database from 'better-sqlite3';

/** A stored state row: the encoded session snapshot and how many checkpoints it follows. */
export interface StoredState {
  checkpointCount: number;
  state: Uint8Array;
  durationMs: number;
}

export function runStateStatements(db: Database.Database) {
  const save = db.prepare(`
    INSERT INTO run_states (run_id, checkpoint_count, state, duration_ms, saved_at) VALUES (@runId, @checkpointCount, @state, @durationMs, @now)
    ON CONFLICT (run_id) DO UPDATE SET checkpoint_count = excluded.checkpoint_count, state = excluded.state,
      duration_ms = excluded.duration_ms, saved_at = excluded.saved_at`);
  const load = db.prepare(
    'SELECT checkpoint_count AS checkpointCount, state, duration_ms AS durationMs FROM run_states WHERE run_id = ?',
  );
  const remove = db.prepare('DELETE FROM run_states WHERE run_id = ?');
  const dropCheckpointsFrom = db.prepare('DELETE FROM checkpoints WHERE run_id = ? AND idx >= ?');
  const statusOf = db.prepare('SELECT status FROM runs WHERE id = ?').pluck();
  const provenanceOf = db.prepare('SELECT provenance FROM runs WHERE id = ?').pluck();
  const setProvenance = db.prepare('UPDATE runs SET provenance = ? WHERE id = ?');
  // A resumed run goes back to the queue owned by the resuming store; its summary is recomputed when it ends.
  const reopen = db.prepare(`
    UPDATE runs SET status = 'queued', finished_at = NULL, error = NULL, owner = @owner, touched_at = @now,
      steps = coalesce((SELECT step FROM checkpoints WHERE run_id = @id ORDER BY idx DESC LIMIT 1), 0)
    WHERE id = @id`);

  return {
    save: (runId: string, checkpointCount: number, state: Uint8Array, durationMs: number, now: string): void =>
      void save.run({ runId, checkpointCount, state, durationMs, now }),
    load: (runId: string) => load.get(runId) as StoredState | undefined,
    remove: (runId: string): void => void remove.run(runId),
    /** Deletes the run's checkpoints from index `first` on. */
    dropCheckpointsFrom: (runId: string, first: number): void => void dropCheckpointsFrom.run(runId, first),
    statusOf: (runId: string) => statusOf.get(runId) as string | undefined,
    provenanceOf: (runId: string) => provenanceOf.get(runId) as string | null | undefined,
    setProvenance: (runId: string, json: string): void => void setProvenance.run(json, runId),
    reopen: (id: string, owner: string, now: string): void => void reopen.run({ id, owner, now }),
  };
}
