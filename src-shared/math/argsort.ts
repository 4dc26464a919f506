/**
 * Allocation-free argsort of positions that change little between calls: the previous order is kept and repaired by
 * insertion sort, or rebuilt by a bottom-up merge sort when it is far from sorted.
 */

/** Above this many adjacent inversions insertion sort (quadratic) gives way to merge sort (n log n). */
const NEARLY_SORTED_DESCENTS = 16;

export class ArgSort {
  /** order[p]: index of the p-th smallest key (valid after `update`). */
  readonly order: Int32Array;
  /** scratch[p]: merge sort buffer. */
  private readonly scratch: Int32Array;

  constructor(n: number) {
    this.order = new Int32Array(n);
    this.scratch = new Int32Array(n);
    for (let p = 0; p < n; p++) this.order[p] = p;
  }

  /** Reorders `order` so that keys[order[p]] is non-decreasing in p. */
  update(keys: Float64Array): void {
    const order = this.order;
    let descents = 0;
    for (let p = 1; p < order.length; p++) if (keys[order[p]] < keys[order[p - 1]]) descents++;
    if (descents === 0) return;
    if (descents <= NEARLY_SORTED_DESCENTS) this.insertionSort(keys);
    else this.mergeSort(keys);
  }

  private insertionSort(keys: Float64Array): void {
    const order = this.order;
    for (let p = 1; p < order.length; p++) {
      const index = order[p];
      const key = keys[index];
      let q = p - 1;
      while (q >= 0 && keys[order[q]] > key) {
        order[q + 1] = order[q];
        q--;
      }
      order[q + 1] = index;
    }
  }

  private mergeSort(keys: Float64Array): void {
    const n = this.order.length;
    let from = this.order;
    let to = this.scratch;
    for (let width = 1; width < n; width *= 2) {
      for (let left = 0; left < n; left += 2 * width) {
        const middle = Math.min(left + width, n);
        const right = Math.min(left + 2 * width, n);
        let i = left;
        let j = middle;
        for (let k = left; k < right; k++) {
          if (i < middle && (j >= right || keys[from[i]] <= keys[from[j]])) to[k] = from[i++];
          else to[k] = from[j++];
        }
      }
      const swap = from;
      from = to;
      to = swap;
    }
    if (from !== this.order) this.order.set(from);
  }
}
