/**
 * The messages between the trainer pool (parent) and one trainer process (child). Each side validates what it
 * receives with these schemas; typed arrays travel intact because both transports use structured clone.
 */
import { z } from 'zod';
import { runConfigSchema } from '#shared/config/schema';
import { runCheckpointSchema, sessionSnapshotSchema } from '#shared/run/snapshot';
import type { RunOutcome } from '#shared/run/types';

const runId = z.string().min(1).max(100);
const wholeNumber = z.number().int().nonnegative();
const nullableNumber = z.number().nullable();

/** Parent -> child: run one configuration (from its start, or from a saved state), or stop the run in progress. */
export const parentMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('start'),
    runId,
    config: runConfigSchema,
    resume: sessionSnapshotSchema.optional(),
  }),
  z.strictObject({ type: z.literal('cancel') }),
]);
export type ParentMessage = z.output<typeof parentMessageSchema>;

const coverageEntrySchema = z.strictObject({
  position: z.number(),
  nearestNeuron: z.number().int(),
  distanceInEta: z.number(),
  covered: z.boolean(),
});

/** How a trainer process ended a run: a session outcome, or 'cancelled' when the pool asked it to stop. */
export type TrainerOutcome = Omit<RunOutcome, 'status'> & { status: RunOutcome['status'] | 'cancelled' };

const outcomeSchema = z.strictObject({
  status: z.enum(['done', 'diverged', 'cancelled']),
  steps: wholeNumber,
  finalLoss: nullableNumber,
  bestLoss: nullableNumber,
  limitFinalLoss: nullableNumber,
  limitNote: z.string().nullable(),
  coverage: z.array(coverageEntrySchema),
  error: z.string().nullable(),
}) satisfies z.ZodType<TrainerOutcome>;

/** Child -> parent: the run's life, from 'started' to 'finished' or 'error'. */
export const childMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('started'), totalSteps: wholeNumber }),
  /** A batch of new checkpoints; firstIndex is the index of the first one in the run's series. */
  z.strictObject({
    type: z.literal('checkpoints'),
    firstIndex: wholeNumber,
    checkpoints: z.array(runCheckpointSchema).min(1),
  }),
  /**
   * The session's whole state, sent after every checkpoint it has recorded so far (snapshot.recorded of them), so the
   * parent can store both together; durationMs is the training time this process has spent on the run.
   */
  z.strictObject({ type: z.literal('state'), snapshot: sessionSnapshotSchema, durationMs: z.number().nonnegative() }),
  z.strictObject({
    type: z.literal('progress'),
    step: wholeNumber,
    tau: z.number(),
    stepsPerSecond: z.number().nonnegative(),
  }),
  z.strictObject({ type: z.literal('finished'), outcome: outcomeSchema, durationMs: z.number().nonnegative() }),
  z.strictObject({ type: z.literal('error'), error: z.strictObject({ name: z.string(), message: z.string() }) }),
]);
export type ChildMessage = z.output<typeof childMessageSchema>;
