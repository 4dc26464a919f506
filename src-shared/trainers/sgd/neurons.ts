/**
 * Both SGD engines keep the neurons sorted by position, so that at any x the fully-on neurons (x - u > eta/2) form a
 * prefix of the order, the few in their transition come next and the off ones last. This base class owns the order.
 */
import type { SgdProblem } from './problem';

export abstract class SortedNeurons {
  /** position[k]: u of the k-th leftmost neuron; position[n] = +Infinity is a sentinel that ends every scan. */
  protected readonly position: Float64Array;
  /** id[k]: which neuron that is: 0 the bias (fixed at -eta/2), j >= 1 the trainer's a[j] and u[j - 1]. */
  protected readonly id: Int32Array;

  constructor(
    protected readonly problem: SgdProblem,
    /** n: number of neurons, m free ones plus the bias. */
    protected readonly n: number,
  ) {
    this.position = new Float64Array(n + 1);
    this.position[n] = Infinity;
    this.id = new Int32Array(n);
  }

  /** Exchanges whatever the engine stores per rank for ranks k and k + 1 (the weights). */
  protected abstract swapWeights(k: number): void;

  /** Places the bias and the free neurons at u, in the saved order when given (ties keep their order), else sorted. */
  protected placeNeurons(u: Float64Array, order?: Int32Array): void {
    const { position, id, n } = this;
    const at = (j: number) => (j === 0 ? -this.problem.halfEta : u[j - 1]);
    if (order) {
      if (order.length !== n) throw new Error(`a saved neuron order has ${n} entries, got ${order.length}`);
      id.set(order);
    } else {
      for (let k = 0; k < n; k++) id[k] = k;
      id.sort((i, j) => at(i) - at(j) || i - j);
    }
    for (let k = 0; k < n; k++) position[k] = at(id[k]);
  }

  /** Writes the positions of the free neurons to u in the trainer's layout. */
  protected readPositions(u: Float64Array): void {
    for (let k = 0; k < this.n; k++) if (this.id[k] !== 0) u[this.id[k] - 1] = this.position[k];
  }

  /** Sorts again after the neurons of ranks [from, to) moved: each moved neuron slides past the neighbours it crossed. */
  protected restoreOrder(from: number, to: number): void {
    const position = this.position;
    // [0, from) was sorted: insert the moved ones one by one, leftwards
    for (let k = from; k < to; k++) for (let i = k; i > 0 && position[i] < position[i - 1]; i--) this.swap(i - 1);
    // [0, to) and [to, n) are now sorted: move the largest of the first part right until they fit (the sentinel stops)
    for (let k = to - 1; k >= 0 && position[k] > position[k + 1]; k--)
      for (let i = k; position[i] > position[i + 1]; i++) this.swap(i);
  }

  private swap(k: number): void {
    this.swapWeights(k);
    const { position, id } = this;
    const u = position[k];
    position[k] = position[k + 1];
    position[k + 1] = u;
    const j = id[k];
    id[k] = id[k + 1];
    id[k + 1] = j;
  }
}
