/** Shared by the tests that stream checkpoints: one series of a run from two. */
import type { CheckpointSeries } from '#shared/run/series';

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
