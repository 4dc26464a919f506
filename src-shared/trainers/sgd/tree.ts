/**
 * The engine for wide networks, whose cost per step does not grow with m beyond log m: at a sample x the fully-on
 * neurons are a prefix [0, K) of the sorted order, so their sum and the update of their weights are prefix operations
 * on PrefixWeights. Only the neurons within eta/2 of x (about m eta of them) are visited one by one.
 */
import { sigma, sigmaPrime } from '../../math/activation';
import { SortedNeurons } from './neurons';
import { targetAt, type EngineState, type SgdEngine, type SgdProblem, type TreeEngineState } from './problem';
import { PrefixWeights } from './weights';

export class TreeEngine extends SortedNeurons implements SgdEngine {
  /** weights: a of the neurons in sorted order. */
  private readonly weights: PrefixWeights;
  /** z[q], s[q], before[q]: (x - u)/eta, sigma and pre-update a of the q-th neuron in transition at the current x. */
  private readonly z: Float64Array;
  private readonly s: Float64Array;
  private readonly before: Float64Array;
  /** sorted[k]: a of rank k, scratch for load and read. */
  private readonly sorted: Float64Array;
  /**
   * guide[b]: number of fully-on neurons at x = b / m when the guide was filled, a guess for any x in that bucket. It
   * only saves time: the exact count is walked to from the guess, so results never depend on it.
   */
  private readonly guide: Int32Array;
  /** Ranks walked from the guesses since the guide was filled. */
  private walked = 0;
  /** Steps since the tree was last rebuilt from the differences, which bounds the rounding its nodes accumulate. */
  private sinceRebuild = 0;
  /** rebuildEvery: steps between rebuilds, a few n so that their O(n) cost stays a few operations per step. */
  private readonly rebuildEvery: number;

  constructor(problem: SgdProblem, m: number) {
    const n = m + 1;
    super(problem, n);
    this.weights = new PrefixWeights(n);
    this.z = new Float64Array(n);
    this.s = new Float64Array(n);
    this.before = new Float64Array(n);
    this.sorted = new Float64Array(n);
    this.guide = new Int32Array(m + 1);
    this.rebuildEvery = 4 * n;
  }

  train(samples: Float64Array, count: number): void {
    const { position, id, weights, z, s, before, guide, n } = this;
    const buckets = guide.length - 1;
    const { eta, halfEta, twoH, uRate, exact } = this.problem;
    for (let step = 0; step < count; step++) {
      const x = samples[2 * step];
      // on: number of fully-on neurons, the first rank with x - u <= eta/2, walked to from the guide's guess. The walk
      // down tests !(x - u > eta/2), the negation of the walk up's test rather than x - u <= eta/2, so that for both
      // walks a NaN position (a diverged run) is a neuron that is not fully on; the sentinel position[n] = +Infinity
      // ends the walk up.
      const guess = guide[Math.min(Math.max(Math.floor(x * buckets), 0), buckets - 1)];
      let on = guess;
      while (on > 0 && !(x - position[on - 1] > halfEta)) on--;
      while (x - position[on] > halfEta) on++;
      this.walked += Math.abs(on - guess);
      if (this.walked > n) this.fillGuide();
      // the neurons in transition, ranks [on, k), up to the first off neuron or the sentinel
      let k = on;
      for (; x - position[k] >= -halfEta; k++) {
        const q = k - on;
        z[q] = (x - position[k]) / eta;
        s[q] = sigma(z[q]);
      }
      const f = weights.output(on, s, k - on, before);
      const r = targetAt(this.problem, x) + samples[2 * step + 1] - f;
      const c = twoH * r;
      weights.addScaled(c, on, s, k - on);
      let crossed = false;
      for (let i = on; i < k; i++) {
        const q = i - on;
        if (id[i] !== 0) position[i] -= uRate * r * before[q] * (exact ? sigmaPrime(z[q]) : 1);
        crossed ||= i > 0 && position[i] < position[i - 1];
      }
      if (crossed || (k > on && position[k - 1] > position[k])) this.restoreOrder(on, k);
      if (++this.sinceRebuild >= this.rebuildEvery) {
        weights.rebuild();
        this.sinceRebuild = 0;
      }
    }
  }

  load(a: Float64Array, u: Float64Array, state?: EngineState): void {
    this.placeNeurons(u, state?.order);
    if (state?.kind === 'tree') {
      this.weights.load(state);
      this.sinceRebuild = state.sinceRebuild;
      this.fillGuide();
      return;
    }
    for (let k = 0; k < this.n; k++) this.sorted[k] = a[this.id[k]];
    this.weights.set(this.sorted);
    this.sinceRebuild = 0;
    this.fillGuide();
  }

  read(a: Float64Array, u: Float64Array): void {
    this.weights.get(this.sorted);
    for (let k = 0; k < this.n; k++) a[this.id[k]] = this.sorted[k];
    this.readPositions(u);
  }

  /** The differences and tree nodes carry their own rounding, so resuming bit for bit needs them, not just a. */
  save(): TreeEngineState {
    const { delta, node, top } = this.weights.save();
    return { kind: 'tree', order: this.id.slice(), delta, node, top, sinceRebuild: this.sinceRebuild };
  }

  /** Refills the guide from the current positions: O(n), done once the guesses have been off by n ranks in total. */
  private fillGuide(): void {
    const { position, guide } = this;
    const buckets = guide.length - 1;
    let on = 0;
    for (let b = 0; b <= buckets; b++) {
      while (b / buckets - position[on] > this.problem.halfEta) on++;
      guide[b] = on;
    }
    this.walked = 0;
  }

  protected swapWeights(k: number): void {
    this.weights.swap(k);
  }
}
