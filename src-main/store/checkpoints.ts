/** Statements on the checkpoints table; `a` and `u` are stored as little-endian Float64Array blobs. */
import type Database from 'better-sqlite3';
import type { CheckpointSeries } from '../../src-shared/api/contract';
import type { RunCheckpoint } from '../../src-shared/run/types';
import { decodeFloat64Into, encodeFloat64 } from './blob';
import { StoredDataError } from './errors';
import type { LastCheckpoint } from './finish';

interface SeriesShape {
  count: number;
  /** Checkpoints that carry a limit loss. */
  limits: number;
  minABytes: number | null;
  maxABytes: number | null;
  minUBytes: number | null;
  maxUBytes: number | null;
}

interface CheckpointRow {
  step: number;
  tau: number;
  loss: number;
  limit_loss: number | null;
  covered: number;
  a: Buffer;
  u: Buffer;
}

export function checkpointStatements(db: Database.Database) {
  // Re-sending a batch (a retry after a crash of the sender) keeps the rows already stored.
  const insert = db.prepare(`
    INSERT INTO checkpoints (run_id, idx, step, tau, loss, limit_loss, covered, a, u)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, idx) DO NOTHING`);
  const last = db.prepare(`
    SELECT step, loss, limit_loss AS limitLoss, covered, (SELECT min(loss) FROM checkpoints WHERE run_id = @runId) AS bestLoss
    FROM checkpoints WHERE run_id = @runId ORDER BY idx DESC LIMIT 1`);
  const shape = db.prepare(`
    SELECT count(*) AS count, count(limit_loss) AS limits, min(length(a)) AS minABytes, max(length(a)) AS maxABytes,
      min(length(u)) AS minUBytes, max(length(u)) AS maxUBytes
    FROM checkpoints WHERE run_id = ?`);
  const rows = db.prepare('SELECT step, tau, loss, limit_loss, covered, a, u FROM checkpoints WHERE run_id = ? ORDER BY idx');

  /** All checkpoints of a run, column by column, read in one snapshot. */
  const series = db.transaction((runId: string): CheckpointSeries => {
    const s = shape.get(runId) as SeriesShape;
    const aBytes = s.maxABytes ?? 0;
    const uBytes = s.maxUBytes ?? 0;
    if (s.minABytes !== s.maxABytes || s.minUBytes !== s.maxUBytes || aBytes % 8 !== 0 || uBytes % 8 !== 0) {
      throw new StoredDataError(`run ${runId}: its stored checkpoints hold a and u blobs of unequal or invalid lengths`);
    }
    const aLength = aBytes / 8;
    const uLength = uBytes / 8;
    const out: CheckpointSeries = {
      runId,
      count: s.count,
      aLength,
      uLength,
      step: new Float64Array(s.count),
      tau: new Float64Array(s.count),
      loss: new Float64Array(s.count),
      limitLoss: s.limits > 0 ? new Float64Array(s.count) : null,
      covered: new Float64Array(s.count),
      a: new Float64Array(s.count * aLength),
      u: new Float64Array(s.count * uLength),
    };
    let i = 0;
    for (const row of rows.iterate(runId) as IterableIterator<CheckpointRow>) {
      out.step[i] = row.step;
      out.tau[i] = row.tau;
      out.loss[i] = row.loss;
      // A missing limit loss reads as 0, as in packCheckpoints.
      if (out.limitLoss) out.limitLoss[i] = row.limit_loss ?? 0;
      out.covered[i] = row.covered;
      decodeFloat64Into(row.a, out.a, i * aLength);
      decodeFloat64Into(row.u, out.u, i * uLength);
      i++;
    }
    return out;
  });

  return {
    /** Stores checkpoints firstIndex, firstIndex + 1, ...; the caller wraps the batch in a transaction. */
    insert(runId: string, firstIndex: number, checkpoints: readonly RunCheckpoint[]): void {
      checkpoints.forEach((c, i) => {
        insert.run(runId, firstIndex + i, c.step, c.tau, c.loss, c.limitLoss, c.covered, encodeFloat64(c.a), encodeFloat64(c.u));
      });
    },
    last: (runId: string) => last.get({ runId }) as LastCheckpoint | undefined,
    series: (runId: string): CheckpointSeries => series(runId),
  };
}
