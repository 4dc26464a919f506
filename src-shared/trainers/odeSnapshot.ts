/** Snapshots of the ODE trainers: parameters plus the adaptive integrator's proposed step and step count. */
import type { AdaptiveIntegrator, OdeSnapshot, TrainerState } from './types';

export function odeSnapshot(
  kind: OdeSnapshot['kind'],
  state: TrainerState,
  integrator: AdaptiveIntegrator,
): OdeSnapshot {
  const { step, tau, a, u } = state;
  return {
    kind,
    step,
    tau,
    a: a.slice(),
    u: u.slice(),
    extra: { h: integrator.h, attempts: integrator.attempts, previousError: integrator.previousError },
  };
}

/** Restores in place, so that the continuation is bit for bit the one the snapshot was taken from. */
export function restoreOde(snapshot: OdeSnapshot, state: TrainerState, integrator: AdaptiveIntegrator): void {
  state.step = snapshot.step;
  state.tau = snapshot.tau;
  state.a.set(snapshot.a);
  state.u.set(snapshot.u);
  integrator.h = snapshot.extra.h;
  integrator.attempts = snapshot.extra.attempts;
  integrator.previousError = snapshot.extra.previousError;
}
