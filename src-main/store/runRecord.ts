/**
 * A run outside any database, as RunStore.importRun takes it: what getRun, getCheckpoints and getSweep return, so a
 * run exported as a report folder (config.json + a checkpoint CSV) can come back. Validated like any input.
 */
import { z } from 'zod';
import { runStatuses, type CheckpointSeries, type RunDetail } from '#shared/api/contract';
import { parseOrThrow, runConfigSchema, sweepSpecSchema, type SweepSpec } from '#shared/config/schema';
import { provenanceSchema, type Provenance } from '#shared/run/provenance';
import { checkpointAt } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';
import type { PortableRunRow, PortableSweepRow } from './importRows';
import { configColumns } from './runs';

/** A run to import. Summary fields RunDetail derives from the configuration (trainer, m, eta, ...) are recomputed. */
export interface RunRecord {
  /** The run as getRun returns it; its sweep's grid values (`params`) and `startedAt` may be added, else {} and null. */
  run: RunDetail & { params?: Record<string, unknown>; startedAt?: string | null };
  /** The run's sweep, added when the store lacks its id. Without it, a sweepId the store does not know becomes null. */
  sweep?: { id: string; name: string; createdAt: string; spec: SweepSpec } | null;
  /** Every checkpoint of the run, as getCheckpoints returns them; with `limitLoss` set, every checkpoint carries one. */
  checkpoints: CheckpointSeries;
}

const nullableNumber = z.number().nullable();
const isoTime = z.iso.datetime({ offset: true });
const coverageEntrySchema = z.object({
  position: z.number(),
  nearestNeuron: z.int(),
  distanceInEta: z.number(),
  covered: z.boolean(),
});

const runSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.enum(runStatuses),
  config: runConfigSchema,
  sweepId: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).default({}),
  createdAt: isoTime,
  startedAt: isoTime.nullable().default(null),
  finishedAt: isoTime.nullable(),
  durationMs: nullableNumber,
  steps: z.int().nonnegative(),
  totalSteps: z.int().nonnegative(),
  finalLoss: nullableNumber,
  bestLoss: nullableNumber,
  limitFinalLoss: nullableNumber,
  limitNote: z.string().nullable(),
  coveredJumps: z.int().nullable(),
  coverage: z.array(coverageEntrySchema),
  error: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  starred: z.boolean(),
  provenance: provenanceSchema.nullable().default(null),
});

const sweepSchema = z.object({ id: z.string().min(1), name: z.string(), createdAt: isoTime, spec: sweepSpecSchema });

const column = z.instanceof(Float64Array);
const seriesSchema = z
  .object({
    count: z.int().nonnegative(),
    aLength: z.int().nonnegative(),
    uLength: z.int().nonnegative(),
    step: column,
    tau: column,
    loss: column,
    limitLoss: column.nullable(),
    covered: column,
    a: column,
    u: column,
  })
  .refine(
    (s) => [s.step, s.tau, s.loss, s.covered, s.limitLoss ?? s.step].every((values) => values.length === s.count),
    'step, tau, loss, covered and limitLoss need count entries',
  )
  .refine(
    (s) => s.a.length === s.count * s.aLength && s.u.length === s.count * s.uLength,
    'a and u need count * aLength and count * uLength entries',
  );

/** The rows importRun writes; throws ValidationError naming the first bad field (e.g. `record.run.config.sgd.h`). */
export function recordRows(record: RunRecord): {
  run: PortableRunRow;
  sweep: PortableSweepRow | null;
  checkpoints: RunCheckpoint[];
  provenance: Provenance | null;
} {
  const run = parseOrThrow(runSchema, record.run, 'record.run');
  const sweep = record.sweep ? parseOrThrow(sweepSchema, record.sweep, 'record.sweep') : null;
  const series = { ...parseOrThrow(seriesSchema, record.checkpoints, 'record.checkpoints'), runId: run.id };
  return {
    run: {
      ...configColumns(run.config),
      id: run.id,
      name: run.name,
      status: run.status,
      sweep_id: run.sweepId,
      params: JSON.stringify(run.params),
      created_at: run.createdAt,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      duration_ms: run.durationMs,
      steps: run.steps,
      total_steps: run.totalSteps,
      final_loss: run.finalLoss,
      best_loss: run.bestLoss,
      limit_final_loss: run.limitFinalLoss,
      limit_note: run.limitNote,
      covered_jumps: run.coveredJumps,
      coverage: JSON.stringify(run.coverage),
      error: run.error,
      tags: JSON.stringify(run.tags),
      notes: run.notes,
      starred: run.starred ? 1 : 0,
    },
    sweep: sweep && { id: sweep.id, name: sweep.name, spec: JSON.stringify(sweep.spec), created_at: sweep.createdAt },
    checkpoints: Array.from({ length: series.count }, (_, i) => checkpointAt(series, i)),
    provenance: run.provenance,
  };
}
