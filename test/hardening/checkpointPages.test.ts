/**
 * getCheckpoints never builds an answer larger than one reply may carry; a large run is read thinned
 * or in pages, and the pages put together are the whole series.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '#shared/api/dispatch';
import { checkpointBytes, checkpointPageSize, MAX_REPLY_BYTES } from '#shared/config/limits';
import type { CheckpointSeries } from '#shared/api/contract';
import { checkpoints, smallConfig } from '../store/fixtures';
import { silentLab } from './lab';

const m = 600;
/** One more checkpoint than fits in one reply at m = 600. */
const count = checkpointPageSize(m + 1, m) + 1;
let lab: ReturnType<typeof silentLab>;
let runId: string;

beforeAll(() => {
  lab = silentLab();
  runId = lab.store.createRun({ config: smallConfig({ network: { m } }), name: 'large' });
  for (let first = 0; first < count; first += 1000)
    lab.store.appendCheckpoints(runId, first, checkpoints(first, Math.min(1000, count - first), m));
  lab.store.finishRun(runId, 'done', {});
});
afterAll(() => lab.dispose());

async function ask(params: Record<string, unknown>): Promise<CheckpointSeries> {
  const reply = await dispatch(lab.handlers, 'getCheckpoints', { runId, ...params });
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
  return reply.result as CheckpointSeries;
}

describe('getCheckpoints of a run larger than one reply', () => {
  it('refuses the whole series with a typed error that says how to ask', async () => {
    expect(count * checkpointBytes(m + 1, m)).toBeGreaterThan(MAX_REPLY_BYTES);
    await expect(ask({})).rejects.toMatchObject({
      name: 'ReplyTooLargeError',
      message: expect.stringMatching(
        new RegExp(
          `^getCheckpoints: ${count} checkpoints of run .* with 1201 neuron values each make 67\\.1 MB, more than the 67\\.1 MB one reply may carry: ask for maxCheckpoints, or for pages \\(from, limit\\) of at most ${count - 1} checkpoints$`,
        ),
      ),
    });
  });

  it('answers a thinned series, saying how many checkpoints the run holds', async () => {
    const thinned = await ask({ maxCheckpoints: 500 });
    expect(thinned.count).toBe(500);
    expect(thinned.total).toBe(count);
    expect(thinned.indices?.[499]).toBe(count - 1);
  });

  it('answers the scalar columns alone in one reply', async () => {
    const scalars = await ask({ fields: [] });
    expect(scalars.count).toBe(count);
    expect(scalars.aLength).toBe(0);
  });

  it('answers pages that together are the whole series', async () => {
    const pageSize = 2000;
    const steps: number[] = [];
    let last: CheckpointSeries | null = null;
    for (let from = 0; from < count; from += pageSize) {
      last = await ask({ from, limit: pageSize });
      expect(last.total).toBe(count);
      expect(last.indices).toBeUndefined();
      steps.push(...last.step);
    }
    const expected = checkpoints(0, count, 1).map((checkpoint) => checkpoint.step);
    expect(steps).toEqual(expected);
    const lastCheckpoint = checkpoints(count - 1, 1, m)[0];
    expect(Array.from(last!.u.subarray((last!.count - 1) * m))).toEqual(Array.from(lastCheckpoint.u));
  });

  it('refuses a page past the limit and a thinned page, naming the field', async () => {
    await expect(ask({ from: 0, limit: count })).rejects.toMatchObject({ name: 'ReplyTooLargeError' });
    await expect(ask({ from: 10, maxCheckpoints: 10 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: 'maxCheckpoints: a thinned series is not paged: leave out from and limit',
    });
    await expect(ask({ from: -1 })).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(/^from: must be at least 0$/),
    });
  });

  it('answers an empty page past the end', async () => {
    const page = await ask({ from: count + 5, limit: 10 });
    expect(page.count).toBe(0);
    expect(page.total).toBe(count);
  });
});
