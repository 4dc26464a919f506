/** The dashboard's missing points of a partly merged cluster sweep. */
import { describe, expect, it } from 'vitest';
import { missingPoints } from '#shared/cluster/missing';
import { pointRunId } from '#shared/cluster/shards';
import { tinySweep } from './helpers';

const sweepId = '6a86f576-1d23-472a-8390-4e63fd2fb4e2';
const spec = tinySweep(2);

describe('missing points', () => {
  it('names the points without a result, by index and label', () => {
    const runs = [0, 1, 2, 4].map((i) => ({ id: pointRunId(sweepId, i), status: i === 2 ? 'failed' : 'done' }));
    expect(missingPoints(sweepId, spec, runs)).toEqual({
      total: 6,
      count: 3,
      named: [
        { index: 2, label: 'sgd.epsilon=0.1, seed=1' },
        { index: 3, label: 'sgd.epsilon=0.1, seed=2' },
        { index: 5, label: 'sgd.epsilon=1, seed=2' },
      ],
    });
  });

  it('says nothing is missing once every point has its result, and stays out of sweeps started in the app', () => {
    const all = [0, 1, 2, 3, 4, 5].map((i) => ({ id: pointRunId(sweepId, i), status: i === 3 ? 'diverged' : 'done' }));
    expect(missingPoints(sweepId, spec, all)).toEqual({ total: 6, count: 0, named: [] });
    expect(missingPoints(sweepId, spec, [{ id: 'c0ffee00-0000-4000-8000-000000000000', status: 'queued' }])).toBeNull();
  });
});
