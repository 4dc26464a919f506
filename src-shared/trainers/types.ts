/**
 * What every trainer is: a resumable state machine over flat Float64Arrays that allocates nothing in `step`.
 */
import type { TrainerKind } from '../config/schema';
import type { EngineState } from './sgd/problem';

export interface TrainerState {
  /** step: number of updates applied so far (SGD samples, ODE output steps, or epochs). */
  step: number;
  /** tau: slow time reached (SGD: step * h * epsilon). */
  tau: number;
  /** a[j]: outer weight of neuron j; for 1-D networks a[0] is the bias (neuron fixed at -eta/2), so a has m + 1 entries. */
  a: Float64Array;
  /** u[j]: position of neuron j's transition (m entries; d * m for the additive model, coordinate-major). */
  u: Float64Array;
}

/** What every trainer's snapshot holds: a copy of its TrainerState. */
interface ParametersSnapshot {
  step: number;
  tau: number;
  a: Float64Array;
  u: Float64Array;
}

export interface SgdSnapshot extends ParametersSnapshot {
  kind: 'sgd';
  /** Generator state (Rng.save()). */
  rng: Uint32Array;
  /** The engine's state beyond a and u; without it the engine starts afresh from a and u (sorted again). */
  extra?: EngineState;
}

export interface LimitSnapshot extends ParametersSnapshot {
  kind: 'limit';
  /** conserved[i]: d_L^3 - d_R^3 of jump i's flanks, fixed by the initial positions. */
  extra: { conserved: Float64Array };
}

/** What an adaptive integrator carries from one call to the next. */
export interface AdaptiveIntegrator {
  /** Step size proposed for the next step. */
  h: number;
  /** Steps attempted so far. */
  attempts: number;
  /** Error norm of the last accepted step (the PI controller's memory). */
  previousError: number;
}

/** The ODE trainers: parameters plus the adaptive integrator's proposed step, step count and memory. */
export interface OdeSnapshot extends ParametersSnapshot {
  kind: 'gradient-flow' | 'varpro';
  extra: AdaptiveIntegrator;
}

export interface FullBatchSnapshot extends ParametersSnapshot {
  kind: 'full-batch';
}

/**
 * A structured-clonable copy of a trainer's whole state, including its generator, tagged by the trainer's kind so that
 * `restore` narrows it to its own. The stored layout (run_states) is this one: `extra` is the name saved states use.
 */
export type TrainerSnapshot = SgdSnapshot | LimitSnapshot | OdeSnapshot | FullBatchSnapshot;

export interface Trainer {
  readonly kind: TrainerKind;
  /** Live view of the current parameters; read it, never write it. */
  readonly state: TrainerState;
  /** Applies up to `n` more steps (fewer when the run reaches its end); returns the number applied. */
  step(n: number): number;
  /** The run's exact objective at the current state: population loss L, L0 for the limit, the criterion for full batch. */
  loss(): number;
  snapshot(): TrainerSnapshot;
  restore(snapshot: TrainerSnapshot): void;
}

/** The limit is undefined when some target piece holds fewer than two neurons ("bad subdivision"). */
export class LimitUndefinedError extends Error {
  override readonly name = 'LimitUndefinedError';
  constructor(
    message = 'the two-timescale limit is undefined for this init: some target piece holds fewer than two neurons',
  ) {
    super(message);
  }
}
