/**
 * What every trainer is: a resumable state machine over flat Float64Arrays that allocates nothing in `step`.
 */
import type { TrainerKind } from '../config/schema';

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

/** A structured-clonable copy of a trainer's whole state, including its generator. */
export interface TrainerSnapshot {
  kind: TrainerKind;
  step: number;
  tau: number;
  a: Float64Array;
  u: Float64Array;
  /** Generator state (Rng.save()), when the trainer draws random numbers. */
  rng?: Uint32Array;
  /** Trainer-specific extra state (integrator step size, frozen flanks, ...). */
  extra?: Record<string, number | boolean | Float64Array | Uint8Array | Int32Array>;
}

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
  constructor(message = 'the two-timescale limit is undefined for this init: some target piece holds fewer than two neurons') {
    super(message);
  }
}
