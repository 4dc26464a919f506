/** Deterministic shards: every point in exactly one shard for every N, run ids derived from the point's key. */
import { describe, expect, it } from 'vitest';
import { arrayChunks, arraySpec } from '#shared/cluster/plan';
import { pointIndexOf, pointRunId, shardPoints, shardSchema } from '#shared/cluster/shards';

/** The shard a point belongs to when the points are dealt into `count` shards (point i goes to shard i mod N). */
function shardOfPoint(pointIndex: number, count: number): number {
  return pointIndex % count;
}

describe('shards', () => {
  it.each([1, 2, 7, 24, 97])('deals %i points into every N from 1 to %i, each point exactly once', (points) => {
    for (let count = 1; count <= points; count++) {
      const seen = new Array<number>(points).fill(0);
      for (let index = 0; index < count; index++) {
        const members = shardPoints(points, { index, count });
        expect(members.length).toBeGreaterThan(0);
        for (const point of members) {
          expect(shardOfPoint(point, count)).toBe(index);
          seen[point]++;
        }
      }
      expect(seen.every((times) => times === 1)).toBe(true);
    }
  });

  it('derives the same run id from the same key, and reads the key back', () => {
    const sweep = '6a86f576-1d23-472a-8390-4e63fd2fb4e2';
    expect(pointRunId(sweep, 17)).toBe(pointRunId(sweep, 17));
    expect(pointRunId(sweep, 17)).not.toBe(pointRunId(sweep, 71));
    expect(pointIndexOf(sweep, pointRunId(sweep, 17))).toBe(17);
    expect(pointIndexOf(sweep, pointRunId('another', 17))).toBeNull();
    expect(pointIndexOf(sweep, `${sweep}-p017`)).toBeNull();
  });

  it('reads k/N and names what is wrong', () => {
    expect(shardSchema.parse('3/16')).toEqual({ index: 3, count: 16 });
    expect(shardSchema.safeParse('16/16').error?.issues[0].message).toMatch(/k must be smaller than N/);
    expect(shardSchema.safeParse('1/0').error?.issues[0].message).toMatch(/k\/N/);
    expect(shardSchema.safeParse('a/3').success).toBe(false);
  });

  it('splits task ids above MaxArraySize into further arrays with an offset', () => {
    const shards = Array.from({ length: 2500 }, (_, i) => i);
    const chunks = arrayChunks(shards, 1001);
    expect(chunks.map((chunk) => [chunk.offset, chunk.shards.length])).toEqual([
      [0, 1001],
      [1001, 1001],
      [2002, 498],
    ]);
    expect(arraySpec(chunks[2], 10)).toBe('0-497%10');
    expect(arraySpec({ offset: 0, shards: [2, 3, 4, 7, 9, 10] })).toBe('2-4,7,9-10');
  });
});
