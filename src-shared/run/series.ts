/** Packs checkpoints into the column layout that crosses boundaries and fills charts. */
import type { RunCheckpoint } from './types';

/** Checkpoints of a run, column by column: index i of each column is checkpoint i. */
export interface CheckpointSeries {
  runId: string;
  count: number;
  /** Entries per checkpoint of `a` and of `u`; 0 when getCheckpoints was asked to leave the column out. */
  aLength: number;
  uLength: number;
  /**
   * indices[i]: the index in the run's full series of checkpoint i, when getCheckpoints thinned the series
   * (`maxCheckpoints`); undefined when every checkpoint is there.
   */
  indices?: Float64Array;
  /** How many checkpoints the run holds in all, when read from the store (a page or a thinned series holds fewer). */
  total?: number;
  step: Float64Array;
  tau: Float64Array;
  loss: Float64Array;
  /** Loss of the limit run beside SGD, or null when the run has none. */
  limitLoss: Float64Array | null;
  /** Jumps covered at each checkpoint. */
  covered: Float64Array;
  /** a of checkpoint i is a.subarray(i * aLength, (i + 1) * aLength). */
  a: Float64Array;
  u: Float64Array;
}

export function packCheckpoints(runId: string, checkpoints: readonly RunCheckpoint[]): CheckpointSeries {
  const count = checkpoints.length;
  const aLength = count > 0 ? checkpoints[0].a.length : 0;
  const uLength = count > 0 ? checkpoints[0].u.length : 0;
  const hasLimit = checkpoints.some((c) => c.limitLoss !== null);
  const series: CheckpointSeries = {
    runId,
    count,
    aLength,
    uLength,
    step: new Float64Array(count),
    tau: new Float64Array(count),
    loss: new Float64Array(count),
    limitLoss: hasLimit ? new Float64Array(count) : null,
    covered: new Float64Array(count),
    a: new Float64Array(count * aLength),
    u: new Float64Array(count * uLength),
  };
  checkpoints.forEach((c, i) => {
    series.step[i] = c.step;
    series.tau[i] = c.tau;
    series.loss[i] = c.loss;
    if (series.limitLoss) series.limitLoss[i] = c.limitLoss ?? 0;
    series.covered[i] = c.covered;
    series.a.set(c.a, i * aLength);
    series.u.set(c.u, i * uLength);
  });
  return series;
}

/** Checkpoint i of a series, as a record (a and u are views into the series). */
export function checkpointAt(series: CheckpointSeries, i: number): RunCheckpoint {
  return {
    step: series.step[i],
    tau: series.tau[i],
    loss: series.loss[i],
    limitLoss: series.limitLoss ? series.limitLoss[i] : null,
    covered: series.covered[i],
    a: series.a.subarray(i * series.aLength, (i + 1) * series.aLength),
    u: series.u.subarray(i * series.uLength, (i + 1) * series.uLength),
  };
}
