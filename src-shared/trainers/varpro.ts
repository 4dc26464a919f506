/**
 * The exact outer solve ("variable projection", epsilon = 0 at finite eta, docs/MODEL.md section 5): the weights are always
 * the fast solution a*(u), and the positions follow du/dtau = -grad_u L(a*(u), u), which is the gradient of
 * min_a L(a, u) (envelope theorem). Adaptive Dormand-Prince 5(4) in slow time tau with config.ode.rtol / atol.
 */
import type { RunConfig } from '../config/schema';
import { DormandPrince } from '../math/dormandPrince';
import type { Rng } from '../rng/types';
import { initialParameters } from './init';
import { OdeTrainer } from './odeTrainer';
import type { TrainerState } from './types';

export class VarproTrainer extends OdeTrainer {
  readonly kind = 'varpro' as const;
  readonly state: TrainerState;
  /** aStar[j]: fast solution a*(u) at the point where the field is evaluated. */
  private readonly aStar: Float64Array;
  /** gradA[j]: grad_a L there (zero up to the ridge; the gradient routine fills it anyway). */
  private readonly gradA: Float64Array;
  protected readonly integrator: DormandPrince;

  constructor(config: RunConfig, rng: Rng) {
    super(config);
    const { m } = config.network;
    const { u } = initialParameters(config, rng);
    this.aStar = new Float64Array(m + 1);
    this.gradA = new Float64Array(m + 1);
    this.state = { step: 0, tau: 0, a: new Float64Array(m + 1), u };
    this.integrator = new DormandPrince(m, (position, velocity) => this.field(position, velocity), config.ode);
    this.population.optimalWeights(u, this.state.a);
  }

  protected advance(): void {
    this.integrator.advance(this.state.u, this.dtau);
  }

  /** The weights are a*(u) at every step's end. */
  protected override afterSteps(): void {
    this.population.optimalWeights(this.state.u, this.state.a);
  }

  /** du/dtau = -grad_u L(a*(u), u). */
  private field(u: Float64Array, velocity: Float64Array): void {
    this.population.optimalWeights(u, this.aStar);
    this.population.gradient(this.aStar, u, this.gradA, velocity);
    for (let j = 0; j < velocity.length; j++) velocity[j] = -velocity[j];
  }
}
