/**
 * The two-timescale limit as a trainer: neurons move in slow time tau down the reduced loss L0 (math/limit.ts). Only the
 * two neurons flanking each jump move, toward it; the nearer one arrives and the pair stops there. Neurons never cross a
 * jump or each other, so the flank pairs found at the start stay the flank pairs.
 *
 * Integrators (config.ode.integrator), both on the grid dtau = tauMax(config) / config.ode.steps, one trainer step per
 * grid point:
 * - 'euler-snap', the authors': explicit Euler; a flank whose step would pass its jump lands on it, after which both
 *   flanks of that jump have no gradient any more.
 * - 'accurate': each pair exactly (math/limit.ts `nearDistanceAfter`), the far flank placed by the conserved
 *   d_L^3 - d_R^3, arrivals landing exactly on the jump.
 *
 * `state.a` holds the fast solution as network weights at eta -> 0: a[0] the average of f* on the first cell [0, u_(1)],
 * a[j+1] the step of the cell averages at neuron j, so sum over neurons left of x gives the fit at x.
 */
import { tauMax, type RunConfig, type Target } from '../config/schema';
import {
  fastSolutionWeights,
  limitDerivatives,
  LimitWorkspace,
  nearDistanceAfter,
  reducedLoss,
  subdivisionProblem,
} from '../math/limit';
import type { Rng } from '../rng/types';
import { initialParameters } from './init';
import {
  LimitUndefinedError,
  type LimitSnapshot,
  type Trainer,
  type TrainerSnapshot,
  type TrainerState,
} from './types';

/** Grid points within this fraction of a step count as reached (slow times arrive as products of stepsizes). */
const GRID_SLACK = 1e-9;

export class LimitTrainer implements Trainer {
  readonly kind = 'limit' as const;
  readonly state: TrainerState;
  private readonly target: Target;
  private readonly integrator: RunConfig['ode']['integrator'];
  /** dtau: slow time of one trainer step. */
  private readonly dtau: number;
  /** Steps of a standalone run (config.ode.steps). */
  private readonly totalSteps: number;
  private readonly workspace: LimitWorkspace;
  /** derivative[j]: dL0/du_j at the current positions (Euler's field). */
  private readonly derivative: Float64Array;
  /** left[i], right[i]: the neurons flanking jump i (last at or left of v_i, first at or right of it). */
  private readonly left: Int32Array;
  private readonly right: Int32Array;
  /** conserved[i]: d_L^3 - d_R^3 of jump i's flanks, fixed by the initial positions (accurate integrator). */
  private readonly conserved: Float64Array;

  /**
   * `init` is the generator that draws the initial positions like every trainer's (initialParameters), or the positions
   * themselves. Throws LimitUndefinedError when some target piece holds fewer than two neurons.
   */
  constructor(config: RunConfig, init: Rng | Float64Array) {
    const u = init instanceof Float64Array ? Float64Array.from(init) : initialParameters(config, init).u;
    const problem = subdivisionProblem(config.target, u);
    if (problem) throw new LimitUndefinedError(`the two-timescale limit is undefined for this init: ${problem}`);
    const jumps = config.target.positions.length;
    this.target = config.target;
    this.integrator = config.ode.integrator;
    this.totalSteps = config.ode.steps;
    this.dtau = tauMax(config) / config.ode.steps;
    this.workspace = new LimitWorkspace(u.length);
    this.derivative = new Float64Array(u.length);
    this.left = new Int32Array(jumps);
    this.right = new Int32Array(jumps);
    this.conserved = new Float64Array(jumps);
    this.state = { step: 0, tau: 0, a: new Float64Array(u.length + 1), u };
    this.findFlanks();
    for (let i = 0; i < jumps; i++) this.conserved[i] = this.distanceLeft(i) ** 3 - this.distanceRight(i) ** 3;
    this.refreshFit();
  }

  /** The limit run beside SGD, from SGD's initial positions u0 (throws LimitUndefinedError like the constructor). */
  static fromPositions(config: RunConfig, u0: Float64Array): LimitTrainer {
    return new LimitTrainer(config, u0);
  }

  step(n: number): number {
    const count = Math.max(0, Math.min(n, this.totalSteps - this.state.step));
    for (let k = 0; k < count; k++) this.advanceToGridPoint(this.state.step + 1);
    this.refreshFit();
    return count;
  }

  /** Integrates up to slow time tau (Euler: the last grid point at or before tau; accurate: tau itself). */
  advanceTo(tau: number): void {
    const gridPoint = Math.floor(tau / this.dtau + GRID_SLACK);
    while (this.state.step < gridPoint) this.advanceToGridPoint(this.state.step + 1);
    if (this.integrator === 'accurate' && tau > this.state.tau) {
      this.advanceExactly(tau - this.state.tau);
      this.state.tau = tau;
    }
    this.refreshFit();
  }

  loss(): number {
    return reducedLoss(this.target, this.state.u, this.workspace);
  }

  snapshot(): LimitSnapshot {
    const { step, tau, a, u } = this.state;
    return { kind: this.kind, step, tau, a: a.slice(), u: u.slice(), extra: { conserved: this.conserved.slice() } };
  }

  restore(snapshot: TrainerSnapshot): void {
    if (snapshot.kind !== this.kind || snapshot.u.length !== this.state.u.length) {
      throw new Error('this snapshot was not taken from a limit trainer of the same size');
    }
    this.state.step = snapshot.step;
    this.state.tau = snapshot.tau;
    this.state.u.set(snapshot.u);
    this.conserved.set(snapshot.extra.conserved);
    this.findFlanks();
    this.refreshFit();
  }

  private advanceToGridPoint(step: number): void {
    const tau = step * this.dtau;
    if (this.integrator === 'euler-snap') this.eulerStep();
    else this.advanceExactly(tau - this.state.tau);
    this.state.step = step;
    this.state.tau = tau;
  }

  /** One explicit Euler step of size dtau; a flank that would pass its jump lands on it. */
  private eulerStep(): void {
    const { u } = this.state;
    limitDerivatives(this.target, u, this.derivative, this.workspace);
    for (let i = 0; i < this.left.length; i++) {
      const dL = this.distanceLeft(i);
      const dR = this.distanceRight(i);
      // a pair stops once a flank has arrived; !(dL > 0 && dR > 0) rather than dL <= 0 || dR <= 0 stops it at a NaN too
      if (!(dL > 0 && dR > 0)) continue;
      const v = this.target.positions[i];
      const stepLeft = -this.dtau * this.derivative[this.left[i]];
      const stepRight = this.dtau * this.derivative[this.right[i]];
      u[this.left[i]] = dL < stepLeft ? v : u[this.left[i]] + stepLeft;
      u[this.right[i]] = dR < stepRight ? v : u[this.right[i]] - stepRight;
    }
  }

  /** Advances every moving pair by `dtau` with its exact solution. */
  private advanceExactly(dtau: number): void {
    const { u } = this.state;
    for (let i = 0; i < this.left.length; i++) {
      const dL = this.distanceLeft(i);
      const dR = this.distanceRight(i);
      if (!(dL > 0 && dR > 0)) continue;
      const v = this.target.positions[i];
      const delta = this.target.values[i + 1];
      const k = this.conserved[i];
      const leftNearer = k <= 0;
      const near = nearDistanceAfter(leftNearer ? dL : dR, Math.abs(k), delta * delta, dtau);
      const far = Math.cbrt(near * near * near + Math.abs(k));
      u[this.left[i]] = v - (leftNearer ? near : far);
      u[this.right[i]] = v + (leftNearer ? far : near);
    }
  }

  /** Pairs each jump with its flanks in the sorted order of the current positions. */
  private findFlanks(): void {
    const { u } = this.state;
    this.workspace.sorted.update(u);
    const order = this.workspace.sorted.order;
    let below = 0; // neurons strictly left of v
    let atOrBelow = 0; // neurons at or left of v
    for (let i = 0; i < this.left.length; i++) {
      const v = this.target.positions[i];
      while (below < u.length && u[order[below]] < v) below++;
      while (atOrBelow < u.length && u[order[atOrBelow]] <= v) atOrBelow++;
      this.left[i] = order[atOrBelow - 1];
      this.right[i] = order[below];
    }
  }

  private distanceLeft(i: number): number {
    return this.target.positions[i] - this.state.u[this.left[i]];
  }

  private distanceRight(i: number): number {
    return this.state.u[this.right[i]] - this.target.positions[i];
  }

  private refreshFit(): void {
    fastSolutionWeights(this.target, this.state.u, this.state.a, this.workspace);
  }
}
