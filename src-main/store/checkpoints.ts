/** Statements on the checkpoints table; `a` and `u` are stored as little-endian Float64Array blobs. */
import type Database from 'better-sqlite3';
import type { CheckpointSeries } from '#shared/api/contract';
import type { RunCheckpoint } from '#shared/run/types';
import { encodeFloat64 } from './blob';
import type { LastCheckpoint } from './finish';
import { seriesReader, type SeriesOptions } from './seriesRead';

export function checkpointStatements(db: Database.Database) {
  // Re-sending a batch (a retry after a crash of the sender) keeps the rows already stored.
  const insert = db.prepare(`
    INSERT INTO checkpoints (run_id, idx, step, tau, loss, limit_loss, covered, a, u)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, idx) DO NOTHING`);
  const last = db.prepare(`
    SELECT step, loss, limit_loss AS limitLoss, covered, (SELECT min(loss) FROM checkpoints WHERE run_id = @runId) AS bestLoss
    FROM checkpoints WHERE run_id = @runId ORDER BY idx DESC LIMIT 1`);
  const series = seriesReader(db);

  return {
    /** Stores checkpoints firstIndex, firstIndex + 1, ...; the caller wraps the batch in a transaction. */
    insert(runId: string, firstIndex: number, checkpoints: readonly RunCheckpoint[]): void {
      checkpoints.forEach((c, i) => {
        insert.run(
          runId,
          firstIndex + i,
          c.step,
          c.tau,
          c.loss,
          c.limitLoss,
          c.covered,
          encodeFloat64(c.a),
          encodeFloat64(c.u),
        );
      });
    },
    last: (runId: string) => last.get({ runId }) as LastCheckpoint | undefined,
    series: (runId: string, options: SeriesOptions = {}): CheckpointSeries => series(runId, options),
  };
}
