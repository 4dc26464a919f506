/**
 * The outer weights a_0..a_{n-1} of neurons in sorted order, under the two operations SGD needs at a sample x: add c to
 * every a_k with k < K, and sum the a_k with k < K, both in O(log n) (plus the few neurons in transition, one by one
 * from rank K on). They are stored as differences
 * delta[k] = a_k - a_{k+1} (a_n = 0), so that a_K = sum_{i >= K} delta[i], adding c below K changes delta[K - 1] only,
 * and sum_{k<K} a_k = sum_{i<K} (i + 1) delta[i] + K a_K. A Fenwick tree keeps prefix sums of delta[i] and of
 * (i + 1) delta[i], interleaved so that one walk reads both.
 */

/** Lowest set bit of i: node i of the tree covers the ranks [i - span(i), i). */
const span = (i: number) => i & -i;

/** What resuming bit for bit needs of PrefixWeights: the differences and the tree, with the rounding they carry. */
export interface PrefixWeightsState {
  /** delta[k]: a_k - a_{k+1}, with a_n = 0. */
  delta: Float64Array;
  /** node[2i], node[2i + 1] (1 <= i <= n): sums of delta[r] and of (r + 1) delta[r] over the ranks r that node i covers. */
  node: Float64Array;
  /** top: a_0, the sum of all delta. */
  top: number;
}

export class PrefixWeights {
  /** delta[k]: a_k - a_{k+1}, with a_n = 0. */
  private readonly delta: Float64Array;
  /** node[2i], node[2i + 1] (1 <= i <= n): sums of delta[r] and of (r + 1) delta[r] over the ranks r that node i covers. */
  private readonly node: Float64Array;
  /** top: a_0, the sum of all delta. */
  private top = 0;
  /** change[q]: increment of delta[lo + q] waiting to be applied by addChanges. */
  private readonly change: Float64Array;
  /** pending[2q], pending[2q + 1]: increments received by tree node lo + q + 1 from its children during addChanges. */
  private readonly pending: Float64Array;

  constructor(readonly n: number) {
    this.delta = new Float64Array(n);
    this.node = new Float64Array(2 * (n + 1));
    this.change = new Float64Array(n + 1);
    this.pending = new Float64Array(2 * n);
  }

  /**
   * The network's output at a sample whose fully-on neurons are the ranks below K and whose neurons in transition are
   * the ranks K + q (q < count), with sigma s[q]: sum_{k<K} a_k + sum_q a_{K+q} s[q]. Writes a_{K+q} to weightsOut[q].
   */
  output(K: number, s: Float64Array, count: number, weightsOut: Float64Array): number {
    const { node, delta } = this;
    let plain = 0;
    let weighted = 0;
    for (let i = K; i > 0; i -= span(i)) {
      plain += node[2 * i];
      weighted += node[2 * i + 1];
    }
    // a_K, then each next rank's weight by one difference
    let weight = this.top - plain;
    let sum = weighted + K * weight;
    for (let q = 0; q < count; q++) {
      weightsOut[q] = weight;
      sum += weight * s[q];
      weight -= delta[K + q];
    }
    return sum;
  }

  /** a_k += c w_k for the w of `output` (1 below K, s[q] at rank K + q, 0 beyond): one SGD update of the weights. */
  addScaled(c: number, K: number, s: Float64Array, count: number): void {
    const change = this.change;
    // delta[k] changes by c (w_k - w_{k+1}), which is 0 below K - 1
    const lo = K > 0 ? K - 1 : 0;
    if (K > 0) change[0] = c * (1 - (count > 0 ? s[0] : 0));
    for (let q = 0; q < count; q++) change[K + q - lo] = c * (s[q] - (q + 1 < count ? s[q + 1] : 0));
    this.addChanges(lo, K + count - lo);
  }

  /** Exchanges a_k and a_{k+1}: negates delta[k] and adds it to both neighbours. */
  swap(k: number): void {
    const { delta, change } = this;
    const d = delta[k];
    let count = 0;
    if (k > 0) change[count++] = d;
    change[count++] = -2 * d;
    change[count++] = d;
    this.addChanges(k > 0 ? k - 1 : k, count);
  }

  /** Copies of the differences and the tree. */
  save(): PrefixWeightsState {
    return { delta: this.delta.slice(), node: this.node.slice(), top: this.top };
  }

  /** Takes the differences and the tree of `save`, rounding and all. */
  load(state: PrefixWeightsState): void {
    this.delta.set(state.delta);
    this.node.set(state.node);
    this.top = state.top;
  }

  /**
   * Adds change[q] to delta[lo + q] for q < count. The tree nodes touched are those inside the range, each passing its
   * total increment to its parent, and the ancestors of the last one, so the cost is O(count + log n).
   */
  private addChanges(lo: number, count: number): void {
    if (count === 0) return;
    const { delta, change, pending, node, n } = this;
    const last = lo + count;
    // node i covers ranks [i - span(i), i); pending[2(p - lo - 1) + 0/1]: increments node p received from its children
    let sum = 0;
    for (let i = lo + 1; i <= last; i++) {
      const q = i - lo - 1;
      const own = change[q];
      delta[i - 1] += own;
      sum += own;
      const plain = own + pending[2 * q];
      const weighted = i * own + pending[2 * q + 1];
      pending[2 * q] = 0;
      pending[2 * q + 1] = 0;
      node[2 * i] += plain;
      node[2 * i + 1] += weighted;
      const parent = i + span(i);
      if (parent <= n) {
        pending[2 * (parent - lo - 1)] += plain;
        pending[2 * (parent - lo - 1) + 1] += weighted;
      }
    }
    this.top += sum;
    // the ancestors above the range: each receives its children's increments, including the previous ancestor's
    let plain = 0;
    let weighted = 0;
    for (let i = last + span(last); i <= n; i += span(i)) {
      const q = i - lo - 1;
      plain += pending[2 * q];
      weighted += pending[2 * q + 1];
      pending[2 * q] = 0;
      pending[2 * q + 1] = 0;
      node[2 * i] += plain;
      node[2 * i + 1] += weighted;
    }
  }

  /** Sets a_k = weights[k] for every rank. */
  set(weights: Float64Array): void {
    const n = this.n;
    for (let k = 0; k < n; k++) this.delta[k] = weights[k] - (k + 1 < n ? weights[k + 1] : 0);
    this.rebuild();
  }

  /** a_k for every rank, summed from the last: weights[k] = sum_{i >= k} delta[i]. */
  get(weights: Float64Array): void {
    let a = 0;
    for (let k = this.n - 1; k >= 0; k--) {
      a += this.delta[k];
      weights[k] = a;
    }
  }

  /** Recomputes every node and the top from delta in O(n), which clears the rounding the nodes have accumulated. */
  rebuild(): void {
    const { node, delta, n } = this;
    for (let i = 1; i <= n; i++) {
      node[2 * i] = delta[i - 1];
      node[2 * i + 1] = i * delta[i - 1];
    }
    for (let i = 1; i <= n; i++) {
      const parent = i + span(i);
      if (parent <= n) {
        node[2 * parent] += node[2 * i];
        node[2 * parent + 1] += node[2 * i + 1];
      }
    }
    // summed from the last rank, as get() does
    let top = 0;
    for (let k = n - 1; k >= 0; k--) top += delta[k];
    this.top = top;
  }
}
