/** Snapshots of the ODE trainers: parameters plus the adaptive integrator's proposed step and step count. */
import type { TrainerKind } from '../config/schema';
import type { TrainerSnapshot, TrainerState } from './types';

/** What an adaptive integrator carries from one call to the next. */
export interface AdaptiveIntegrator {
  /** Step size proposed for the next step. */
  h: number;
  /** Steps attempted so far. */
  attempts: number;
  /** Error norm of the last accepted step (the PI controller's memory). */
  previousError: number;
}

export function odeSnapshot(kind: TrainerKind, state: TrainerState, integrator: AdaptiveIntegrator): TrainerSnapshot {
  const { step, tau, a, u } = state;
  return { kind, step, tau, a: a.slice(), u: u.slice(), extra: { h: integrator.h, attempts: integrator.attempts, previousError: integrator.previousError } };
}

/** Restores in place, so that the continuation is bit for bit the one the snapshot was taken from. */
export function restoreOde(snapshot: TrainerSnapshot, state: TrainerState, integrator: AdaptiveIntegrator): void {
  state.step = snapshot.step;
  state.tau = snapshot.tau;
  state.a.set(snapshot.a);
  state.u.set(snapshot.u);
  integrator.h = Number(snapshot.extra?.h ?? 0);
  integrator.attempts = Number(snapshot.extra?.attempts ?? 0);
  integrator.previousError = Number(snapshot.extra?.previousError ?? 1);
}
