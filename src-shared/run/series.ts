/** Packs checkpoints into the column layout that crosses boundaries and fills charts. */
import type { CheckpointSeries } from '../api/contract';
import type { RunCheckpoint } from './types';

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

/** Concatenates two series of the same run (existing checkpoints, then new ones). */
export function appendSeries(head: CheckpointSeries, tail: CheckpointSeries): CheckpointSeries {
  const join = (x: Float64Array, y: Float64Array) => {
    const out = new Float64Array(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  if (head.count === 0) return tail;
  return {
    runId: head.runId,
    count: head.count + tail.count,
    aLength: head.aLength,
    uLength: head.uLength,
    step: join(head.step, tail.step),
    tau: join(head.tau, tail.tau),
    loss: join(head.loss, tail.loss),
    limitLoss: head.limitLoss && tail.limitLoss ? join(head.limitLoss, tail.limitLoss) : null,
    covered: join(head.covered, tail.covered),
    a: join(head.a, tail.a),
    u: join(head.u, tail.u),
  };
}
