import { describe, expect, it } from 'vitest';
import { packCheckpoints } from '#shared/run/series';
import type { RunCheckpoint } from '#shared/run/types';
import { SeriesBuffer } from '../../src-renderer/src/lib/seriesBuffer';
import { appendSeries } from '../support/series';

const checkpoint = (i: number, m: number, limit: boolean): RunCheckpoint => ({
  step: 10 * i,
  tau: i / 100,
  loss: 1 / (i + 1),
  limitLoss: limit ? 2 / (i + 1) : null,
  covered: i % 6,
  a: Float64Array.from({ length: m + 1 }, (_, j) => i + j / 10),
  u: Float64Array.from({ length: m }, (_, j) => (i * m + j) / 1000),
});
const pack = (from: number, to: number, m = 3, limit = true) =>
  packCheckpoints(
    'r',
    Array.from({ length: to - from }, (_, k) => checkpoint(from + k, m, limit)),
  );

describe('SeriesBuffer', () => {
  it('appends batches, skipping checkpoints it already holds, and equals the concatenated series', () => {
    const buffer = new SeriesBuffer('r');
    buffer.reset(pack(0, 5));
    expect(buffer.append(pack(5, 70))).toBe(true);
    // A batch overlapping what is held: only checkpoints 70..99 are new.
    expect(buffer.append(pack(60, 100), 10)).toBe(true);
    expect(buffer.count).toBe(100);
    expect(buffer.view()).toEqual(appendSeries(pack(0, 5), pack(5, 100)));
  });

  it('starts empty, takes the shape of the first checkpoints, and refuses another shape', () => {
    const buffer = new SeriesBuffer('r');
    buffer.reset(pack(0, 0));
    expect(buffer.view().count).toBe(0);
    buffer.append(pack(0, 2, 4, false));
    expect(buffer.view()).toMatchObject({ count: 2, aLength: 5, uLength: 4, limitLoss: null });
    expect(buffer.append(pack(2, 3, 5, false))).toBe(false);
    expect(buffer.append(pack(2, 3, 4, true))).toBe(false);
    expect(buffer.count).toBe(2);
  });
});
