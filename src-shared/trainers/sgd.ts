/**
 * Online SGD with two stepsizes (docs/MODEL.md section 2): one fresh sample per step, x first then xi = noise (2 rand - 1),
 * a_j += 2 h r sigma_eta(x - u_j), u_j -= h epsilon g_j with pre-update values. Samples are drawn in blocks and handed to
 * an engine: the dense one (O(m) per step) for small m, the Fenwick-tree one (O(log m) plus the neurons within eta/2 of
 * x) for wide networks. Both give the same results up to rounding.
 */
import { totalSteps, type RunConfig } from '../config/schema';
import { Population } from '../math/population';
import { drawInto } from '../rng';
import type { Rng } from '../rng/types';
import { initialParameters } from './init';
import { DenseEngine } from './sgd/dense';
import { sgdProblem, type EngineState, type SgdEngine } from './sgd/problem';
import { TreeEngine } from './sgd/tree';
import type { SgdSnapshot, Trainer, TrainerSnapshot, TrainerState } from './types';

/** From this many free neurons on, the Fenwick-tree engine is faster than scanning the fully-on neurons (measured). */
export const TREE_ENGINE_MIN_NEURONS = 64;
/** Steps drawn and applied per block. */
const BLOCK = 512;

/** The engines, named as their saved states are tagged. */
export type SgdEngineKind = EngineState['kind'];

export class SgdTrainer implements Trainer {
  readonly kind = 'sgd';
  private readonly current: TrainerState;
  private readonly engine: SgdEngine;
  /** samples[2s], samples[2s + 1]: x and xi of the s-th step of the current block. */
  private readonly samples = new Float64Array(2 * BLOCK);
  private readonly population: Population;
  /** Number of steps of the whole run. */
  private readonly total: number;
  /** True when the engine has moved on since `current.a` and `current.u` were last written. */
  private stale = false;

  constructor(
    private readonly config: RunConfig,
    private readonly rng: Rng,
    /** Which engine steps the network; by default chosen by m (both give the same results up to rounding). */
    engine: SgdEngineKind = config.network.m >= TREE_ENGINE_MIN_NEURONS ? 'tree' : 'dense',
  ) {
    const { m, eta, activation } = config.network;
    if (activation !== 'cubic')
      throw new Error('SGD trains the cubic network of docs/MODEL.md section 1; relu is for full batch');
    const { a, u } = initialParameters(config, rng);
    const problem = sgdProblem(config.target, eta, config.sgd.h, config.sgd.epsilon, config.sgd.uGradient);
    this.engine = engine === 'tree' ? new TreeEngine(problem, m) : new DenseEngine(problem, m);
    this.engine.load(a, u);
    this.current = { step: 0, tau: 0, a, u };
    this.population = new Population(config.target, eta, m);
    this.total = totalSteps(config);
  }

  get state(): TrainerState {
    if (this.stale) {
      this.engine.read(this.current.a, this.current.u);
      this.stale = false;
    }
    return this.current;
  }

  step(n: number): number {
    const count = Math.max(0, Math.min(Math.floor(n), this.total - this.current.step));
    const { samples, rng } = this;
    const noise = this.config.sgd.noise;
    for (let done = 0; done < count; done += BLOCK) {
      const block = Math.min(BLOCK, count - done);
      drawInto(rng, samples, 2 * block);
      for (let s = 1; s < 2 * block; s += 2) samples[s] = noise * (2 * samples[s] - 1);
      this.engine.train(samples, block);
    }
    this.advance(count);
    return count;
  }

  /** Applies one step with an explicit sample x and label noise xi (replays of recorded samples); draws nothing. */
  applySample(x: number, xi: number): void {
    this.samples[0] = x;
    this.samples[1] = xi;
    this.engine.train(this.samples, 1);
    this.advance(1);
  }

  loss(): number {
    const { a, u } = this.state;
    return this.population.loss(a, u);
  }

  snapshot(): SgdSnapshot {
    const { step, tau, a, u } = this.state;
    return { kind: 'sgd', step, tau, a: a.slice(), u: u.slice(), rng: this.rng.save(), extra: this.engine.save() };
  }

  restore(snapshot: TrainerSnapshot): void {
    if (snapshot.kind !== 'sgd') throw new Error('not a snapshot of an SGD run');
    this.rng.load(snapshot.rng);
    this.engine.load(snapshot.a, snapshot.u, snapshot.extra);
    this.current.a.set(snapshot.a);
    this.current.u.set(snapshot.u);
    this.current.step = snapshot.step;
    this.current.tau = snapshot.tau;
    this.stale = false;
  }

  private advance(count: number): void {
    const { h, epsilon } = this.config.sgd;
    this.current.step += count;
    this.current.tau = this.current.step * h * epsilon;
    if (count > 0) this.stale = true;
  }
}
