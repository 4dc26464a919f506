/**
 * Reading a run's checkpoints back column by column: all of them, or an evenly thinned choice (see thinning.ts), with
 * the per-neuron columns asked for. Only the chosen rows and columns are read.
 */
import type Database from 'better-sqlite3';
import { neuronColumns, type CheckpointSeries, type NeuronColumn } from '#shared/api/contract';
import { ReplyTooLargeError } from '#shared/base/errors';
import { checkpointBytes, formatBytes } from '#shared/config/limits';
import { decodeFloat64Into } from './blob';
import { StoredDataError } from './errors';
import { thinnedPositions } from './thinning';

/** What getCheckpoints may ask for besides the run. */
export interface SeriesOptions {
  /** At most this many checkpoints (>= 2), see thinnedPositions; all of them when undefined. */
  maxCheckpoints?: number;
  /** The per-neuron columns to read; both when undefined. */
  fields?: readonly NeuronColumn[];
  /** A page: checkpoints from position `from` of the series (default 0), at most `limit` of them (default all). */
  from?: number;
  limit?: number;
  /**
   * Most bytes the answer may hold (see checkpointBytes); a larger one throws ReplyTooLargeError before any row is
   * read. Unbounded when undefined (the report renderer reads whole runs in its own process).
   */
  maxBytes?: number;
}

interface CheckpointRow {
  step: number;
  tau: number;
  loss: number;
  limit_loss: number | null;
  covered: number;
  /** Absent when the column was not asked for. */
  a?: Buffer;
  u?: Buffer;
}

/** Doubles per checkpoint in `column` of `rows`, the same in every row (else StoredDataError); 0 when not read. */
function width(rows: readonly CheckpointRow[], column: NeuronColumn, runId: string): number {
  const bytes = rows[0]?.[column]?.byteLength ?? 0;
  if (bytes % 8 !== 0 || rows.some((row) => (row[column]?.byteLength ?? 0) !== bytes)) {
    throw new StoredDataError(
      `run ${runId}: its stored checkpoints hold ${column} blobs of unequal or invalid lengths`,
    );
  }
  return bytes / 8;
}

export function seriesReader(db: Database.Database) {
  // Both from the primary key's index alone.
  const span = db.prepare(
    'SELECT count(*) AS count, min(idx) AS first, max(idx) AS last FROM checkpoints WHERE run_id = ?',
  );
  const storedIndexes = db.prepare('SELECT idx FROM checkpoints WHERE run_id = ? ORDER BY idx').pluck();
  /** One statement per choice of columns and of all rows or listed ones, prepared on first use. */
  const statements = new Map<string, Database.Statement>();
  const rowsStatement = (fields: ReadonlySet<NeuronColumn>, listed: boolean): Database.Statement => {
    const columns = [
      'step',
      'tau',
      'loss',
      'limit_loss',
      'covered',
      ...neuronColumns.filter((field) => fields.has(field)),
    ].join(', ');
    const key = `${columns}|${listed}`;
    let statement = statements.get(key);
    if (!statement) {
      const which = listed ? ' AND idx IN (SELECT value FROM json_each(?))' : '';
      statement = db.prepare(`SELECT ${columns} FROM checkpoints WHERE run_id = ?${which} ORDER BY idx`);
      statements.set(key, statement);
    }
    return statement;
  };

  const blobLengths = db.prepare(
    'SELECT length(a) AS a, length(u) AS u FROM checkpoints WHERE run_id = ? ORDER BY idx LIMIT 1',
  );

  /** Positions in the run's series to keep (a thinned choice, or a page), or null for every row. */
  function positionsOf(count: number, options: SeriesOptions): Float64Array | null {
    if (options.maxCheckpoints !== undefined) return thinnedPositions(count, options.maxCheckpoints);
    const from = Math.min(options.from ?? 0, count);
    const end = Math.min(count, from + (options.limit ?? count));
    if (from === 0 && end === count) return null;
    return Float64Array.from({ length: end - from }, (_, k) => from + k);
  }

  /** Positions in the run's series to keep, and the stored idx of each; null to read every row. */
  function choice(
    runId: string,
    options: SeriesOptions,
  ): { positions: Float64Array; stored: Float64Array; total: number } | { total: number } {
    const { count, first, last } = span.get(runId) as { count: number; first: number | null; last: number | null };
    const positions = positionsOf(count, options);
    if (!positions) return { total: count };
    // Stored indices run 0..count-1 unless a batch went missing; then the positions go through the stored list.
    if (first === 0 && last === count - 1) return { positions, stored: positions, total: count };
    const stored = storedIndexes.all(runId) as number[];
    return { positions, stored: positions.map((position) => stored[position]), total: count };
  }

  /** Refuses, before reading, an answer of `rows` checkpoints larger than `maxBytes`, saying how to ask instead. */
  function checkSize(
    runId: string,
    rows: number,
    fields: ReadonlySet<NeuronColumn>,
    maxBytes: number | undefined,
  ): void {
    if (maxBytes === undefined || rows === 0) return;
    const lengths = blobLengths.get(runId) as { a: number | null; u: number | null } | undefined;
    const aLength = fields.has('a') ? (lengths?.a ?? 0) / 8 : 0;
    const uLength = fields.has('u') ? (lengths?.u ?? 0) / 8 : 0;
    const bytes = rows * checkpointBytes(aLength, uLength);
    if (bytes <= maxBytes) return;
    throw new ReplyTooLargeError(
      `getCheckpoints: ${rows} checkpoints of run ${runId} with ${aLength + uLength} neuron values each make ${formatBytes(bytes)}, ` +
        `more than the ${formatBytes(maxBytes)} one reply may carry: ask for maxCheckpoints, or for pages (from, limit) of at most ` +
        `${Math.max(1, Math.floor(maxBytes / checkpointBytes(aLength, uLength)))} checkpoints`,
    );
  }

  /** The checkpoints of a run asked for, read in one snapshot. */
  return db.transaction((runId: string, options: SeriesOptions): CheckpointSeries => {
    const fields = new Set(options.fields ?? neuronColumns);
    const chosen = choice(runId, options);
    const listed = 'stored' in chosen ? chosen : null;
    checkSize(runId, listed ? listed.positions.length : chosen.total, fields, options.maxBytes);
    const statement = rowsStatement(fields, listed !== null);
    const rows = (
      listed ? statement.all(runId, JSON.stringify(Array.from(listed.stored))) : statement.all(runId)
    ) as CheckpointRow[];
    const count = rows.length;
    const aLength = width(rows, 'a', runId);
    const uLength = width(rows, 'u', runId);
    const series: CheckpointSeries = {
      runId,
      count,
      aLength,
      uLength,
      step: Float64Array.from(rows, (row) => row.step),
      tau: Float64Array.from(rows, (row) => row.tau),
      loss: Float64Array.from(rows, (row) => row.loss),
      // A missing limit loss reads as 0, as in packCheckpoints.
      limitLoss: rows.some((row) => row.limit_loss !== null)
        ? Float64Array.from(rows, (row) => row.limit_loss ?? 0)
        : null,
      covered: Float64Array.from(rows, (row) => row.covered),
      a: new Float64Array(count * aLength),
      u: new Float64Array(count * uLength),
    };
    rows.forEach((row, i) => {
      if (row.a) decodeFloat64Into(row.a, series.a, i * aLength);
      if (row.u) decodeFloat64Into(row.u, series.u, i * uLength);
    });
    if (listed && options.maxCheckpoints !== undefined) series.indices = listed.positions;
    series.total = chosen.total;
    return series;
  });
}
