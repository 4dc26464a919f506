/**
 * The exact outer solve ("variable projection", epsilon = 0 at finite eta, docs/MODEL.md section 5): the weights are always
 * the fast solution a*(u), and the positions follow du/dtau = -grad_u L(a*(u), u), which is the gradient of
 * min_a L(a, u) (envelope theorem). Adaptive Dormand-Prince 5(4) in slow time tau with config.ode.rtol / atol.
 */
import { tauMax, type RunConfig } from '../config/schema';
import { DormandPrince } from '../math/dormandPrince';
import { Population } from '../math/population';
import type { Rng } from '../rng/types';
import { initialParameters } from './init';
import { odeSnapshot, restoreOde } from './odeSnapshot';
import type { OdeSnapshot, Trainer, TrainerSnapshot, TrainerState } from './types';

export class VarproTrainer implements Trainer {
  readonly kind = 'varpro' as const;
  readonly state: TrainerState;
  private readonly population: Population;
  /** dtau: slow time of one trainer step. */
  private readonly dtau: number;
  /** Steps of the run (config.ode.steps). */
  private readonly totalSteps: number;
  /** aStar[j]: fast solution a*(u) at the point where the field is evaluated. */
  private readonly aStar: Float64Array;
  /** gradA[j]: grad_a L there (zero up to the ridge; the gradient routine fills it anyway). */
  private readonly gradA: Float64Array;
  private readonly integrator: DormandPrince;

  constructor(config: RunConfig, rng: Rng) {
    const { m, eta } = config.network;
    const { u } = initialParameters(config, rng);
    this.totalSteps = config.ode.steps;
    this.dtau = tauMax(config) / config.ode.steps;
    this.population = new Population(config.target, eta, m);
    this.aStar = new Float64Array(m + 1);
    this.gradA = new Float64Array(m + 1);
    this.state = { step: 0, tau: 0, a: new Float64Array(m + 1), u };
    this.integrator = new DormandPrince(m, (position, velocity) => this.field(position, velocity), config.ode);
    this.population.optimalWeights(u, this.state.a);
  }

  /** Steps attempted by the integrator so far (its cost). */
  get integratorSteps(): number {
    return this.integrator.attempts;
  }

  step(n: number): number {
    const state = this.state;
    let applied = 0;
    while (applied < n && state.step < this.totalSteps) {
      this.integrator.advance(state.u, this.dtau);
      state.step++;
      state.tau = state.step * this.dtau;
      applied++;
    }
    if (applied > 0) this.population.optimalWeights(state.u, state.a);
    return applied;
  }

  /** L(a*(u), u), integrated exactly at the current weights. */
  loss(): number {
    return this.population.loss(this.state.a, this.state.u);
  }

  /** du/dtau = -grad_u L(a*(u), u). */
  private field(u: Float64Array, velocity: Float64Array): void {
    this.population.optimalWeights(u, this.aStar);
    this.population.gradient(this.aStar, u, this.gradA, velocity);
    for (let j = 0; j < velocity.length; j++) velocity[j] = -velocity[j];
  }

  snapshot(): OdeSnapshot {
    return odeSnapshot(this.kind, this.state, this.integrator);
  }

  restore(snapshot: TrainerSnapshot): void {
    if (snapshot.kind !== this.kind) throw new Error('this snapshot was not taken from a varpro trainer');
    restoreOde(snapshot, this.state, this.integrator);
  }
}
