/**
 * What an imported (or merged) database must be before a row of it is read: a file of bounded size whose `runs`,
 * `sweeps` and `checkpoints` are real tables with the lab's columns, and that holds no view and no trigger (a view
 * named `checkpoints` can be a recursive query that never ends and fills the temporary folder); then every row it
 * gives is validated with the shared schemas before it is written.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { runStatuses } from '#shared/api/contract';
import { formatBytes, MAX_IMPORT_BYTES } from '#shared/config/limits';
import {
  describeZodError,
  MAX_CHECKPOINTS,
  MAX_STEPS,
  runConfigSchema,
  sweepSpecSchema,
  trainerKinds,
} from '#shared/config/schema';
import { MAX_NAME_LENGTH, nameSchema, plainText } from '#shared/config/text';
import { DatabaseOpenError, StoredDataError } from './errors';
import {
  CHECKPOINT_COLUMNS,
  PORTABLE_RUN_COLUMNS,
  type PortableCheckpointRow,
  type PortableRunRow,
  type PortableSweepRow,
} from './importRows';
import { parseStoredJson } from './storedJson';

/**
 * The tables an import reads, with the columns every lab database has had since schema 1 (columns added later may be
 * absent from an older source, and the copy deals with them).
 */
const READ_TABLES: Record<string, readonly string[]> = {
  runs: PORTABLE_RUN_COLUMNS,
  sweeps: ['id', 'name', 'spec', 'created_at'],
  checkpoints: CHECKPOINT_COLUMNS,
};

/** Refuses a file larger than MAX_IMPORT_BYTES (with its write-ahead log) before it is opened. */
export function checkImportSize(file: string): void {
  const size = (name: string) => fs.statSync(name, { throwIfNoEntry: false })?.size ?? 0;
  const bytes = size(file) + size(`${file}-wal`);
  if (bytes > MAX_IMPORT_BYTES)
    throw new DatabaseOpenError(
      `${file} is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_IMPORT_BYTES)} an import may read`,
    );
}

/** Refuses a source whose schema is not the lab's: views, triggers, or a read table that is missing or lacks a column. */
export function checkImportSchema(db: Database.Database, file: string): void {
  const objects = db
    .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')")
    .all() as Array<{ type: string; name: string }>;
  const foreign = objects.find((object) => object.type !== 'table');
  if (foreign)
    throw new DatabaseOpenError(
      `${file} is refused: it holds a ${foreign.type} (${JSON.stringify(foreign.name.slice(0, 60))}), which a lab database never has`,
    );
  for (const [table, columns] of Object.entries(READ_TABLES)) {
    if (!objects.some((object) => object.name === table))
      throw new DatabaseOpenError(`${file} is refused: it has no ${table} table`);
    const present = new Set(db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]);
    const missing = columns.find((column) => !present.has(column));
    if (missing) throw new DatabaseOpenError(`${file} is refused: its ${table} table has no ${missing} column`);
  }
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const whole = (max: number) => z.number().int('must be a whole number').min(0, 'must be at least 0').max(max);
const timestamp = z.string().max(40);
const id = z.string().min(1).max(100);
/** A JSON column, parsed and checked with `schema`. */
const json = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const coverageEntry = z.strictObject({
  position: finite,
  nearestNeuron: z.number().int(),
  distanceInEta: z.number(),
  covered: z.boolean(),
});

/** A run row as an import accepts it; the configuration is checked apart with runConfigSchema. */
const runRowSchema = z.object({
  id,
  name: nameSchema,
  status: z.enum(runStatuses),
  config: z.string().max(64 * 1024 * 1024),
  seed: whole(2 ** 32 - 1),
  trainer: z.enum(trainerKinds),
  m: whole(Number.MAX_SAFE_INTEGER),
  eta: finite,
  h: finite,
  epsilon: finite,
  sweep_id: id.nullable(),
  params: json(z.record(z.string().max(200), z.union([z.number(), plainText(200), z.boolean()]))),
  created_at: timestamp,
  started_at: timestamp.nullable(),
  finished_at: timestamp.nullable(),
  duration_ms: finite.nullable(),
  steps: whole(MAX_STEPS),
  total_steps: whole(MAX_STEPS),
  final_loss: finite.nullable(),
  best_loss: finite.nullable(),
  limit_final_loss: finite.nullable(),
  limit_note: z.string().max(1000).nullable(),
  covered_jumps: whole(1000).nullable(),
  total_jumps: whole(1000),
  coverage: json(z.array(coverageEntry).max(1000)),
  error: z.string().max(10_000).nullable(),
  tags: json(z.array(plainText(50).refine((tag) => tag.length > 0, 'must not be empty')).max(50)),
  notes: z.string().max(100_000),
  starred: z.union([z.literal(0), z.literal(1)]),
});

const sweepRowSchema = z.object({
  id,
  name: plainText(MAX_NAME_LENGTH),
  spec: z.string().max(64 * 1024 * 1024),
  created_at: timestamp,
});

const blob = z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength % 8 === 0, 'must hold whole doubles');
const checkpointRowSchema = z.object({
  run_id: id,
  idx: whole(MAX_CHECKPOINTS),
  step: whole(Number.MAX_SAFE_INTEGER),
  tau: finite,
  loss: z.number(),
  limit_loss: z.number().nullable(),
  covered: whole(1000),
  a: blob,
  u: blob,
});

function check<S extends z.ZodType>(schema: S, row: unknown, owner: string): void {
  const result = schema.safeParse(row);
  if (!result.success) throw new StoredDataError(`${owner}: ${describeZodError(result.error).message}`);
}

/**
 * Throws StoredDataError naming the run of `file` and its column when the row is not one the lab writes, its
 * configuration included.
 */
export function checkRunRow(row: PortableRunRow, file: string): void {
  check(runRowSchema, row, `run ${String(row.id).slice(0, 100)} of ${file}`);
  parseStoredJson(runConfigSchema, row.config as string, `run ${row.id} ("${row.name}") of ${file}`, 'config');
}

/** The same for a sweep row, its spec included. */
export function checkSweepRow(row: PortableSweepRow, file: string): void {
  check(sweepRowSchema, row, `sweep ${String(row.id).slice(0, 100)} of ${file}`);
  parseStoredJson(sweepSpecSchema, row.spec, `sweep ${row.id} ("${row.name}") of ${file}`, 'spec');
}

function checkCheckpointRow(row: PortableCheckpointRow, file: string): void {
  check(checkpointRowSchema, row, `checkpoint ${row.idx} of run ${String(row.run_id).slice(0, 100)} of ${file}`);
}

/**
 * Reads and validates every sweep, run and checkpoint of an import source without writing anything: the part of an
 * import whose cost the file decides, run on a worker thread by importScan.ts before the copy.
 */
export function scanImportSource(db: Database.Database, file: string): void {
  for (const row of db
    .prepare('SELECT id, name, spec, created_at FROM sweeps')
    .iterate() as IterableIterator<PortableSweepRow>)
    checkSweepRow(row, file);
  for (const row of db
    .prepare(`SELECT ${READ_TABLES.runs.join(', ')} FROM runs`)
    .iterate() as IterableIterator<PortableRunRow>)
    checkRunRow(row, file);
  for (const row of db
    .prepare(`SELECT ${READ_TABLES.checkpoints.join(', ')} FROM checkpoints`)
    .iterate() as IterableIterator<PortableCheckpointRow>) {
    checkCheckpointRow(row, file);
  }
}
