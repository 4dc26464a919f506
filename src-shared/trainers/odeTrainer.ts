/**
 * What the two ODE trainers share (population gradient flow and the exact outer solve): the exact population loss,
 * config.ode.steps trainer steps, each one call of an adaptive integrator covering the slow time dtau = tauMax / steps,
 * and snapshots of the parameters plus the integrator's proposed step, step count and memory.
 */
import { tauMax, type RunConfig } from '../config/schema';
import { Population } from '../math/population';
import type { AdaptiveIntegrator, OdeSnapshot, Trainer, TrainerSnapshot, TrainerState } from './types';

export abstract class OdeTrainer implements Trainer {
  abstract readonly kind: OdeSnapshot['kind'];
  abstract readonly state: TrainerState;
  protected abstract readonly integrator: AdaptiveIntegrator;
  protected readonly population: Population;
  /** dtau: slow time of one trainer step. */
  protected readonly dtau: number;
  /** Steps of the run (config.ode.steps). */
  private readonly totalSteps: number;

  protected constructor(config: RunConfig) {
    this.totalSteps = config.ode.steps;
    this.dtau = tauMax(config) / config.ode.steps;
    this.population = new Population(config.target, config.network.eta, config.network.m);
  }

  /** One integrator call, over the slow time dtau. */
  protected abstract advance(): void;

  /** After `step` applied at least one step (the exact outer solve sets its weights from the positions). */
  protected afterSteps(): void {}

  /** Steps attempted by the integrator so far (its cost). */
  get integratorSteps(): number {
    return this.integrator.attempts;
  }

  step(n: number): number {
    const state = this.state;
    let applied = 0;
    while (applied < n && state.step < this.totalSteps) {
      this.advance();
      state.step++;
      state.tau = state.step * this.dtau;
      applied++;
    }
    if (applied > 0) this.afterSteps();
    return applied;
  }

  /** L(a, u) at the current parameters, integrated exactly (for the exact outer solve, a = a*(u)). */
  loss(): number {
    return this.population.loss(this.state.a, this.state.u);
  }

  snapshot(): OdeSnapshot {
    const { step, tau, a, u } = this.state;
    const { h, attempts, previousError } = this.integrator;
    return { kind: this.kind, step, tau, a: a.slice(), u: u.slice(), extra: { h, attempts, previousError } };
  }

  /** Restores in place, so that the continuation is bit for bit the one the snapshot was taken from. */
  restore(snapshot: TrainerSnapshot): void {
    if (snapshot.kind !== this.kind) throw new Error(`this snapshot was not taken from a ${this.kind} trainer`);
    const { state, integrator } = this;
    state.step = snapshot.step;
    state.tau = snapshot.tau;
    state.a.set(snapshot.a);
    state.u.set(snapshot.u);
    integrator.h = snapshot.extra.h;
    integrator.attempts = snapshot.extra.attempts;
    integrator.previousError = snapshot.extra.previousError;
  }
}
