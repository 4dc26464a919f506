/**
 * The run configuration: one versioned schema shared by every boundary (designer, IPC, WebSocket, CLI, database).
 * Names follow docs/MODEL.md: `h` outer stepsize, `epsilon` ratio of inner to outer stepsize, `eta` activation width.
 */
import { z } from 'zod';
import { MAX_NAME_LENGTH, plainText } from './text';
import { formatNumber } from '../base/format';

export const CONFIG_VERSION = 1;
/** Largest number of neurons a run may ask for (memory of checkpoints grows as m * checkpoints). */
export const MAX_NEURONS = 100_000;
/** Largest number of SGD steps a single run may ask for. */
export const MAX_STEPS = 2_000_000_000;
/** Largest number of recorded checkpoints per run. */
export const MAX_CHECKPOINTS = 100_000;

const finite = () => z.number({ error: 'must be a number' }).refine(Number.isFinite, 'must be a finite number');
const positive = () => finite().refine((v) => v > 0, 'must be greater than 0');
const nonNegative = () => finite().refine((v) => v >= 0, 'must be at least 0');
// The range comes before the whole-number check: 1e20 is out of range, which says more than "not a whole number".
const count = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .int('must be a whole number');

/** Piecewise-constant target f*(x) = values[0] + sum_i values[i+1] [x >= positions[i]] on [0, 1]. */
export const targetSchema = z
  .strictObject({
    /** positions[i]: location v_i of jump i, strictly increasing inside (0, 1). */
    positions: z.array(finite()).max(1000, 'at most 1000 jumps'),
    /** values[0]: level on [0, v_1); values[i+1]: jump Delta_i at v_i. */
    values: z.array(finite()).min(1, 'needs the base level').max(1001),
  })
  .superRefine((t, ctx) => {
    if (t.values.length !== t.positions.length + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `needs ${t.positions.length + 1} entries (the base level and one jump per position), got ${t.values.length}`,
      });
    }
    t.values.forEach((delta, i) => {
      if (i > 0 && delta === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['values', i],
          message: 'a jump of size 0 is no jump: give it a size, or remove its position',
        });
    });
    t.positions.forEach((v, i) => {
      if (!(v > 0 && v < 1))
        ctx.addIssue({ code: 'custom', path: ['positions', i], message: 'must lie strictly inside (0, 1)' });
      if (i > 0 && !(v > t.positions[i - 1]))
        ctx.addIssue({ code: 'custom', path: ['positions', i], message: 'positions must be strictly increasing' });
    });
  });
export type Target = z.infer<typeof targetSchema>;

export const positionInitSchema = z.discriminatedUnion('kind', [
  /** m independent U[0,1] draws, sorted (the authors' init). */
  z.strictObject({ kind: z.literal('uniform') }),
  /** u_j = (j + 1/2) / m. */
  z.strictObject({ kind: z.literal('even') }),
  /** An explicit list of m positions. */
  z.strictObject({ kind: z.literal('list'), u: z.array(finite()).max(MAX_NEURONS) }),
]);

export const weightInitSchema = z.discriminatedUnion('kind', [
  /** a = 0 (the authors' init). */
  z.strictObject({ kind: z.literal('zero') }),
  /** a_j ~ scale * U[0,1] (the d-dimensional experiments use scale 3). */
  z.strictObject({ kind: z.literal('uniform'), scale: finite() }),
]);

export const networkSchema = z.strictObject({
  /** m: number of free neurons (the bias neuron is extra). */
  m: count(1, MAX_NEURONS).default(20),
  /** eta: width of the smoothed step. */
  eta: positive()
    .refine((v) => v <= 1, 'must be at most 1')
    .default(4e-3),
  activation: z.enum(['cubic', 'relu']).default('cubic'),
  positions: positionInitSchema.default({ kind: 'uniform' }),
  weights: weightInitSchema.default({ kind: 'zero' }),
});

export const sgdSchema = z.strictObject({
  /** h: outer-layer stepsize. */
  h: positive().default(1e-5),
  /** epsilon: inner stepsize / outer stepsize. */
  epsilon: positive().default(2e-5),
  /** noise: labels get xi ~ U[-noise, noise]. */
  noise: nonNegative().default(1),
  /** box: the authors' indicator surrogate of sigma'; exact: the true derivative. */
  uGradient: z.enum(['box', 'exact']).default('box'),
  /** Integrate the two-timescale limit beside SGD and record its loss at each checkpoint. */
  limitBeside: z.boolean().default(false),
});

export const durationSchema = z.discriminatedUnion('kind', [
  /** Slow time tau = k h epsilon; steps = floor(tauMax / (h epsilon)). */
  z.strictObject({ kind: z.literal('tau'), tauMax: positive() }),
  z.strictObject({ kind: z.literal('steps'), steps: count(1, MAX_STEPS) }),
]);

export const checkpointSchema = z.strictObject({
  /** even: `count` evaluations every floor(steps/(count-1)) steps (the authors' 101); log: log-spaced; every: each `every` steps. */
  kind: z.enum(['even', 'log', 'every']).default('even'),
  count: count(2, MAX_CHECKPOINTS).default(101),
  every: count(1, MAX_STEPS).default(1000),
  /** Upper bound on recorded checkpoints whatever the schedule. */
  cap: count(2, MAX_CHECKPOINTS).default(2000),
});

/** ODE trainers (limit, population gradient flow, exact outer solve) and the limit run beside SGD. */
export const odeSchema = z.strictObject({
  /** euler-snap: the authors' explicit Euler that snaps a flank onto its jump; accurate: adaptive RK with exact arrivals. */
  integrator: z.enum(['euler-snap', 'accurate']).default('euler-snap'),
  /** Steps over [0, tauMax]: Euler steps of the limit (the authors use 1000), output steps of the other ODE trainers. */
  steps: count(1, 10_000_000).default(1000),
  /** Relative and absolute tolerance of the adaptive integrators. */
  rtol: positive().default(1e-6),
  atol: positive().default(1e-9),
});

export const fullBatchSchema = z.strictObject({
  /** additive: sum over d coordinates of a 1-D cubic network; relu: a ReLU student against the ReLU teacher. */
  problem: z.enum(['additive', 'relu']).default('additive'),
  /** d: input dimension (the network has m units per coordinate, 10 in the paper). */
  d: count(1, 100).default(2),
  n: count(1, 1_000_000).default(1000),
  lrA: positive().default(1),
  lrU: positive().default(0.01),
  epochs: count(1, 10_000_000).default(5000),
});

export const trainerKinds = ['sgd', 'limit', 'gradient-flow', 'varpro', 'full-batch'] as const;
export type TrainerKind = (typeof trainerKinds)[number];

export const PAPER_TARGET: Target = { positions: [0.2, 0.35, 0.5, 0.65, 0.8], values: [1, 4, -4, 2, -2, 4] };

export const runConfigSchema = z
  .strictObject({
    version: z.literal(CONFIG_VERSION).default(CONFIG_VERSION),
    trainer: z.enum(trainerKinds).default('sgd'),
    target: targetSchema.default(PAPER_TARGET),
    network: networkSchema.default(() => networkSchema.parse({})),
    sgd: sgdSchema.default(() => sgdSchema.parse({})),
    duration: durationSchema.default({ kind: 'tau', tauMax: 0.035 }),
    checkpoints: checkpointSchema.default(() => checkpointSchema.parse({})),
    ode: odeSchema.default(() => odeSchema.parse({})),
    fullBatch: fullBatchSchema.default(() => fullBatchSchema.parse({})),
    /** Seed of the generator; the same seed replays the run bit for bit. */
    seed: count(0, 2 ** 32 - 1).default(42),
    /** numpy: MT19937 compatible with numpy's legacy generator; fast: xoshiro256+. */
    rng: z.enum(['numpy', 'fast']).default('numpy'),
  })
  .superRefine((c, ctx) => {
    const init = c.network.positions;
    if (init.kind === 'list' && init.u.length !== c.network.m) {
      ctx.addIssue({
        code: 'custom',
        path: ['network', 'positions', 'u'],
        message: `needs m = ${c.network.m} positions, got ${init.u.length}`,
      });
    }
    if (c.trainer === 'sgd') {
      const steps = totalSteps(c);
      if (!(steps >= 1)) ctx.addIssue({ code: 'custom', path: ['sgd', 'h'], message: noStepMessage(c) });
      else if (steps > MAX_STEPS)
        ctx.addIssue({
          code: 'custom',
          path: ['duration'],
          message: `gives ${steps} steps, more than the ${MAX_STEPS} allowed`,
        });
    }
  });

export type RunConfig = z.output<typeof runConfigSchema>;
export type RunConfigInput = z.input<typeof runConfigSchema>;

/** Why an SGD run has no step: one step h·ε already covers more slow time than τ_max. Said on h, the usual culprit. */
function noStepMessage(c: Pick<RunConfig, 'duration' | 'sgd'>): string {
  const tau = c.duration.kind === 'tau' ? c.duration.tauMax : 0;
  return `one step covers a slow time h·ε = ${formatNumber(c.sgd.h * c.sgd.epsilon)}, more than τ_max = ${formatNumber(tau)}: lower h or ε, or raise τ_max`;
}

/** Number of trainer steps of a run: SGD samples, full-batch epochs, or ODE output steps. */
export function totalSteps(c: Pick<RunConfig, 'trainer' | 'duration' | 'sgd' | 'fullBatch' | 'ode'>): number {
  if (c.trainer === 'full-batch') return c.fullBatch.epochs;
  if (c.trainer !== 'sgd') return c.ode.steps;
  if (c.duration.kind === 'steps') return c.duration.steps;
  // The authors' int(tau_max / (h * epsilon)): 10 / 1e-5 gives 999,999 steps, and we replay that.
  return Math.floor(c.duration.tauMax / (c.sgd.h * c.sgd.epsilon));
}

/** Slow time tau reached by a run (SGD: steps * h * epsilon; full batch: epochs * lrU). */
export function tauMax(c: RunConfig): number {
  if (c.trainer === 'full-batch') return c.fullBatch.epochs * c.fullBatch.lrU;
  if (c.duration.kind === 'tau') return c.duration.tauMax;
  return c.duration.steps * c.sgd.h * c.sgd.epsilon;
}

/** A grid axis of a sweep: a dotted path into the run configuration and its values. */
export const sweepAxisSchema = z.strictObject({
  path: z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'must be a dotted field path like sgd.epsilon'),
  values: z.array(finite()).min(1, 'needs at least one value').max(1000),
});

/** A named variant of the base configuration: dotted paths set to values (e.g. the paper's standard vs two-timescale). */
export const sweepVariantSchema = z.strictObject({
  label: plainText(100).refine((label) => label.length > 0, 'must not be empty'),
  set: z.record(
    z.string().regex(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/, 'must be a dotted field path'),
    z.union([finite(), z.string(), z.boolean()]),
  ),
});

export const sweepSpecSchema = z.strictObject({
  name: plainText(MAX_NAME_LENGTH).default('sweep'),
  base: runConfigSchema,
  variants: z.array(sweepVariantSchema).max(100).default([]),
  axes: z.array(sweepAxisSchema).max(4).default([]),
  /** Seeds: each grid point runs once per seed. */
  seeds: z
    .array(count(0, 2 ** 32 - 1))
    .min(1)
    .max(10_000),
});
export type SweepSpec = z.output<typeof sweepSpecSchema>;
export type SweepSpecInput = z.input<typeof sweepSpecSchema>;
export type SweepAxis = z.output<typeof sweepAxisSchema>;

/** The error returned by every boundary: the first problem, naming the field. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Turns a zod error into one readable line naming the field, e.g. `sgd.h: must be greater than 0`. */
export function describeZodError(error: z.ZodError, prefix = ''): ValidationError {
  const issue = error.issues[0];
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
      : issue.message;
  return new ValidationError(field ? `${field}: ${message}` : message, field);
}

/** Parses with `schema`, throwing a ValidationError naming the offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw describeZodError(result.error, prefix);
  return result.data;
}

export const parseRunConfig = (input: unknown): RunConfig => parseOrThrow(runConfigSchema, input);
export const parseSweepSpec = (input: unknown): SweepSpec => parseOrThrow(sweepSpecSchema, input);
