/** A diverging run through the lab: status 'diverged' with its reason, and nothing non-finite stored. */
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { quickConfig } from '../pool/record';
import { openHarness } from './labHarness';

describe('a diverging run', () => {
  const h = openHarness(1);
  afterAll(() => h.dispose());

  it('ends diverged, keeps its good checkpoints, and stores no NaN', async () => {
    // A huge outer stepsize makes the weights overshoot and explode within a few steps.
    const config = { ...quickConfig(200_000, 1000), sgd: { ...quickConfig(200_000, 1000).sgd, h: 5 } };
    const reply = await dispatch(h.lab.handlers, 'startRun', { config });
    if (!reply.ok) throw new Error(reply.error.message);
    const { runId } = reply.result as { runId: string };
    const end = await h.ended(runId);
    expect(end.status).toBe('diverged');
    expect(end.error).toMatch(/diverged at step/);
    const run = h.lab.store.getRun(runId);
    expect(run.status).toBe('diverged');
    const series = h.lab.store.getCheckpoints(runId);
    expect(series.count).toBeGreaterThan(0);
    for (const column of [series.loss, series.tau, series.a, series.u])
      expect(Array.from(column).every(Number.isFinite)).toBe(true);
    expect(run.finalLoss).toBe(series.loss[series.count - 1]);
  });
});
