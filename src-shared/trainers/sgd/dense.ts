/**
 * The engine for small networks: weights stored per rank, each step scans the fully-on prefix of the sorted neurons
 * (cost O(m)), then the few in their transition; the off neurons are never visited. This is the hot loop of the paper's
 * runs (175 M steps at m = 20), so it reads and updates the prefix in one pass and keeps two running sums.
 */
import { sigma, sigmaPrime } from '../../math/activation';
import { SortedNeurons } from './neurons';
import { targetAt, type DenseEngineState, type EngineState, type SgdEngine, type SgdProblem } from './problem';

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
    // the previous step's update of the fully-on weights, weight[i] += pendingIncrement for i < pendingPrefix, is
    // applied while the next step reads them: one pass over the prefix per step instead of two
    let pendingPrefix = 0;
    let pendingIncrement = 0;
    for (let step = 0; step < count; step++) {
      const x = samples[2 * step];
      // two running sums, even and odd ranks, halve the chain of dependent additions
      let f = 0;
      let g = 0;
      let k = 0;
      // The scans go on while x - u > eta/2, written !(x - u > eta/2) so that a NaN position (a diverged run) ends
      // them like a neuron that is not fully on; the sentinel position[n] = +Infinity ends them without a bound check.
      for (;;) {
        if (!(k < pendingPrefix && x - position[k] > halfEta)) break;
        f += weight[k] += pendingIncrement;
        if (!(k + 1 < pendingPrefix && x - position[k + 1] > halfEta)) {
          k++;
          break;
        }
        g += weight[k + 1] += pendingIncrement;
        k += 2;
      }
      if (k < pendingPrefix) {
        for (let i = k; i < pendingPrefix; i++) weight[i] += pendingIncrement;
      } else {
        // odd ranks always go to g, so that the sums do not depend on where the pending prefix ended
        if (k & 1 && x - position[k] > halfEta) g += weight[k++];
        for (;;) {
          if (!(x - position[k] > halfEta)) break;
          f += weight[k];
          if (!(x - position[k + 1] > halfEta)) {
            k++;
            break;
          }
          g += weight[k + 1];
          k += 2;
        }
      }
      f += g;
      const on = k;
      // the neurons in transition, ranks [on, k), up to the first off neuron or the sentinel
      for (; x - position[k] >= -halfEta; k++) {
        const q = k - on;
        z[q] = (x - position[k]) / eta;
        s[q] = sigma(z[q]);
        f += weight[k] * s[q];
      }
      const r = targetAt(this.problem, x) + samples[2 * step + 1] - f;
      const c = twoH * r;
      pendingPrefix = on;
      pendingIncrement = c;
      if (k === on) continue;
      let crossed = false;
      for (let i = on; i < k; i++) {
        const q = i - on;
        const before = weight[i];
        weight[i] = before + c * s[q];
        if (id[i] !== 0) position[i] -= uRate * r * before * (exact ? sigmaPrime(z[q]) : 1);
        crossed ||= i > 0 && position[i] < position[i - 1];
      }
      if (crossed || position[k - 1] > position[k]) {
        // reordering moves weights between ranks: apply the pending prefix update first
        for (let i = 0; i < on; i++) weight[i] += c;
        pendingPrefix = 0;
        this.restoreOrder(on, k);
      }
    }
    for (let i = 0; i < pendingPrefix; i++) weight[i] += pendingIncrement;
  }

  /** Any engine's saved state gives the order; the weights come from a. */
  load(a: Float64Array, u: Float64Array, state?: EngineState): void {
    this.placeNeurons(u, state?.order);
    for (let k = 0; k < this.n; k++) this.weight[k] = a[this.id[k]];
  }

  read(a: Float64Array, u: Float64Array): void {
    for (let k = 0; k < this.n; k++) a[this.id[k]] = this.weight[k];
    this.readPositions(u);
  }

  /** The order of tied neurons decides the order of the sums, so it is part of the state. */
  save(): DenseEngineState {
    return { kind: 'dense', order: this.id.slice() };
  }

  protected swapWeights(k: number): void {
    const w = this.weight[k];
    this.weight[k] = this.weight[k + 1];
    this.weight[k + 1] = w;
  }
}
