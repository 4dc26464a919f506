/**
 * The outer weights a_0..a_{n-1} of neurons in sorted order, under the two operations SGD needs at a sample x: add c to
 * every a_k with k < K, and sum the a_k with k < K, both in O(log n). They are stored as differences
 * delta[k] = a_k - a_{k+1} (a_n = 0), so that a_K = sum_{i >= K} delta[i], adding c below K changes delta[K - 1] only,
 * and sum_{k<K} a_k = sum_{i<K} (i + 1) delta[i] + K a_K. A Fenwick tree keeps prefix sums of delta[i] and of
 * (i + 1) delta[i], interleaved so that one walk reads both.
 */

/** Lowest set bit of i: node i of the tree covers the ranks [i - span(i), i). */
const span = (i: number) => i & -i;

export class PrefixWeights {
  /** delta[k]: a_k - a_{k+1}, with a_n = 0. */
  readonly delta: Float64Array;
  /** node[2i], node[2i + 1] (1 <= i <= n): sums of delta[r] and of (r + 1) delta[r] over the ranks r that node i covers. */
  readonly node: Float64Array;
  /** top: a_0, the sum of all delta. */
  top = 0;
  /** change[q]: increment of delta[lo + q] waiting to be applied by addChanges. */
  readonly change: Float64Array;
  /** lastWeight: a_K of the last sumBelow(K). */
  lastWeight = 0;
  /** pending[2q], pending[2q + 1]: increments received by tree node lo + q + 1 from its children during addChanges. */
  private readonly pending: Float64Array;

  constructor(readonly n: number) {
    this.delta = new Float64Array(n);
    this.node = new Float64Array(2 * (n + 1));
    this.change = new Float64Array(n + 1);
    this.pending = new Float64Array(2 * n);
  }

  /** sum_{k<K} a_k; also leaves a_K in lastWeight. */
  sumBelow(K: number): number {
    const node = this.node;
    let plain = 0;
    let weighted = 0;
    for (let i = K; i > 0; i -= span(i)) {
      plain += node[2 * i];
      weighted += node[2 * i + 1];
    }
    this.lastWeight = this.top - plain;
    return weighted + K * this.lastWeight;
  }

  /**
   * Adds change[q] to delta[lo + q] for q < count. The tree nodes touched are those inside the range, each passing its
   * total increment to its parent, and the ancestors of the last one, so the cost is O(count + log n).
   */
  addChanges(lo: number, count: number): void {
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
