/**
 * A run session's whole state at a moment between two chunks: the trainer (with its generator and engine), the limit
 * integrated beside it, and where the session stands on its checkpoint schedule. Restoring it into a session built
 * from the same configuration continues the run bit for bit as if it had never stopped.
 */
import { z } from 'zod';
import type { EngineState } from '../trainers/sgd/problem';
import type { LimitSnapshot, TrainerSnapshot } from '../trainers/types';
import type { RunCheckpoint } from './types';

/** Version of the layout below; a stored state of another version is not resumed (the run restarts from zero). */
export const SESSION_SNAPSHOT_VERSION = 1 as const;

export interface SessionSnapshot {
  version: typeof SESSION_SNAPSHOT_VERSION;
  trainer: TrainerSnapshot;
  /** The two-timescale limit integrated beside SGD, when the run has one. */
  limit: LimitSnapshot | null;
  /**
   * Checkpoints recorded so far, which is also how many entries of the checkpoint schedule a running session has
   * handled (the run's series holds exactly these when the snapshot is stored).
   */
  recorded: number;
  /** Smallest loss recorded so far. */
  best: number | null;
  /** The latest recorded checkpoint, the base of the outcome. */
  last: RunCheckpoint | null;
}

const float64Array = z.custom<Float64Array>((value) => value instanceof Float64Array, 'must be a Float64Array');
const uint32Array = z.custom<Uint32Array>((value) => value instanceof Uint32Array, 'must be a Uint32Array');
const int32Array = z.custom<Int32Array>((value) => value instanceof Int32Array, 'must be an Int32Array');
const wholeNumber = z.number().int().nonnegative();

const parameters = { step: wholeNumber, tau: z.number(), a: float64Array, u: float64Array };

const engineStateSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dense'), order: int32Array }),
  z.strictObject({
    kind: z.literal('tree'),
    order: int32Array,
    delta: float64Array,
    node: float64Array,
    top: z.number(),
    sinceRebuild: wholeNumber,
  }),
]) satisfies z.ZodType<EngineState>;

/** States saved before engine states were tagged: the tree engine's is the one with differences. */
const untaggedEngineState = (value: unknown): unknown =>
  typeof value === 'object' && value !== null && !('kind' in value)
    ? { kind: 'delta' in value ? 'tree' : 'dense', ...value }
    : value;

const limitSnapshotSchema = z.strictObject({
  kind: z.literal('limit'),
  ...parameters,
  extra: z.strictObject({ conserved: float64Array }),
}) satisfies z.ZodType<LimitSnapshot>;

const trainerSnapshotSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sgd'),
    ...parameters,
    rng: uint32Array,
    extra: z.preprocess(untaggedEngineState, engineStateSchema).optional(),
  }),
  limitSnapshotSchema,
  z.strictObject({
    kind: z.enum(['gradient-flow', 'varpro']),
    ...parameters,
    extra: z.strictObject({ h: z.number(), attempts: wholeNumber, previousError: z.number() }),
  }),
  z.strictObject({ kind: z.literal('full-batch'), ...parameters }),
]) satisfies z.ZodType<TrainerSnapshot>;

const checkpointSchema = z.strictObject({
  step: wholeNumber,
  tau: z.number(),
  loss: z.number(),
  limitLoss: z.number().nullable(),
  covered: wholeNumber,
  a: float64Array,
  u: float64Array,
}) satisfies z.ZodType<RunCheckpoint>;

export const sessionSnapshotSchema = z.strictObject({
  version: z.literal(SESSION_SNAPSHOT_VERSION),
  trainer: trainerSnapshotSchema,
  limit: limitSnapshotSchema.nullable(),
  recorded: wholeNumber,
  best: z.number().nullable(),
  last: checkpointSchema.nullable(),
}) satisfies z.ZodType<SessionSnapshot>;

/** The checkpoint record schema, shared with the trainer protocol. */
export const runCheckpointSchema = checkpointSchema;
