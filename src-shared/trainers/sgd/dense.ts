/**
 * The engine for small networks: weights stored per rank, each step scans the fully-on prefix of the sorted neurons
 * (cost O(m)), then the few in their transition; the off neurons are never visited.
 */
import { sigma, sigmaPrime } from '../../math/activation';
import { SortedNeurons } from './neurons';
import { targetAt, type EngineState, type SgdEngine, type SgdProblem } from './problem';

export class DenseEngine extends SortedNeurons implements SgdEngine {
  /** weight[k]: outer weight a of the k-th leftmost neuron. */
  private readonly weight: Float64Array;
  /** z[q]: (x - u) / eta of the q-th neuron in transition at the current x. */
  private readonly z: Float64Array;
  /** s[q]: sigma(z[q]). */
  private readonly s: Float64Array;

  constructor(problem: SgdProblem, m: number) {
    super(problem, m + 1);
    this.weight = new Float64Array(m + 1);
    this.z = new Float64Array(m + 1);
    this.s = new Float64Array(m + 1);
  }

  train(samples: Float64Array, count: number): void {
    const { weight, position, id, z, s } = this;
    const { eta, halfEta, twoH, uRate, exact } = this.problem;
    for (let step = 0; step < count; step++) {
      const x = samples[2 * step];
      let f = 0;
      let k = 0;
      while (x - position[k] > halfEta) f += weight[k++];
      const on = k;
      for (; x - position[k] >= -halfEta; k++) {
        const q = k - on;
        z[q] = (x - position[k]) / eta;
        s[q] = sigma(z[q]);
        f += weight[k] * s[q];
      }
      const r = targetAt(this.problem, x) + samples[2 * step + 1] - f;
      const c = twoH * r;
      for (let i = 0; i < on; i++) weight[i] += c;
      if (k === on) continue;
      let crossed = false;
      for (let i = on; i < k; i++) {
        const q = i - on;
        const before = weight[i];
        weight[i] = before + c * s[q];
        if (id[i] !== 0) position[i] -= uRate * r * before * (exact ? sigmaPrime(z[q]) : 1);
        crossed ||= i > 0 && position[i] < position[i - 1];
      }
      if (crossed || position[k - 1] > position[k]) this.restoreOrder(on, k);
    }
  }

  load(a: Float64Array, u: Float64Array, state?: EngineState): void {
    this.placeNeurons(u, state?.order as Int32Array | undefined);
    for (let k = 0; k < this.n; k++) this.weight[k] = a[this.id[k]];
  }

  read(a: Float64Array, u: Float64Array): void {
    for (let k = 0; k < this.n; k++) a[this.id[k]] = this.weight[k];
    this.readPositions(u);
  }

  /** The order of tied neurons decides the order of the sums, so it is part of the state. */
  save(): EngineState {
    return { order: this.id.slice() };
  }

  protected swapWeights(k: number): void {
    const w = this.weight[k];
    this.weight[k] = this.weight[k + 1];
    this.weight[k + 1] = w;
  }
}
