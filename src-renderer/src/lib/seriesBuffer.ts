/**
 * A run's checkpoints growing live: columns kept in typed arrays with spare capacity (doubled when full), so appending
 * the checkpoints of each 'run:checkpoints' event copies only the new ones. `view()` hands out a CheckpointSeries of
 * subarrays over the filled part, cheap enough to build on every append.
 */
import type { CheckpointSeries } from '#shared/api/contract';

type Column = 'step' | 'tau' | 'loss' | 'covered' | 'limitLoss' | 'a' | 'u';

/** Entries per checkpoint of each column. */
function widths(series: CheckpointSeries): Record<Column, number> {
  return { step: 1, tau: 1, loss: 1, covered: 1, limitLoss: 1, a: series.aLength, u: series.uLength };
}

export class SeriesBuffer {
  /** count: checkpoints held. */
  count = 0;
  private capacity = 0;
  private shape: CheckpointSeries | null = null;
  private columns: Partial<Record<Column, Float64Array>> = {};

  constructor(readonly runId: string) {}

  /** Replaces the contents with a whole series (the answer of getCheckpoints). */
  reset(series: CheckpointSeries): void {
    this.count = 0;
    this.capacity = 0;
    this.shape = null;
    this.columns = {};
    this.append(series, 0);
  }

  /**
   * Adds checkpoints `from`..series.count-1 of `series` after the held ones. Returns false when the series does not fit
   * (another shape of a or u), so the caller reloads.
   */
  append(series: CheckpointSeries, from = 0): boolean {
    if (from >= series.count) return true;
    if (
      this.shape &&
      (series.aLength !== this.shape.aLength ||
        series.uLength !== this.shape.uLength ||
        !series.limitLoss !== !this.shape.limitLoss)
    )
      return false;
    this.shape ??= series;
    const added = series.count - from;
    this.grow(this.count + added);
    const size = widths(series);
    for (const column of Object.keys(size) as Column[]) {
      const source = series[column];
      const target = this.columns[column];
      if (!source || !target) continue;
      target.set(source.subarray(from * size[column], series.count * size[column]), this.count * size[column]);
    }
    this.count += added;
    return true;
  }

  /** The held checkpoints as a series; its arrays are views that the next append may outgrow, so build a new view then. */
  view(): CheckpointSeries {
    const shape = this.shape;
    const aLength = shape?.aLength ?? 0;
    const uLength = shape?.uLength ?? 0;
    const take = (column: Column, width = 1) =>
      (this.columns[column] ?? new Float64Array(0)).subarray(0, this.count * width);
    return {
      runId: this.runId,
      count: this.count,
      aLength,
      uLength,
      step: take('step'),
      tau: take('tau'),
      loss: take('loss'),
      limitLoss: shape?.limitLoss ? take('limitLoss') : null,
      covered: take('covered'),
      a: take('a', aLength),
      u: take('u', uLength),
    };
  }

  private grow(needed: number): void {
    if (needed <= this.capacity || !this.shape) return;
    const capacity = Math.max(needed, 2 * this.capacity, 64);
    const size = widths(this.shape);
    for (const column of Object.keys(size) as Column[]) {
      const next = new Float64Array(capacity * size[column]);
      const old = this.columns[column];
      if (old) next.set(old.subarray(0, this.count * size[column]));
      this.columns[column] = next;
    }
    this.capacity = capacity;
  }
}
