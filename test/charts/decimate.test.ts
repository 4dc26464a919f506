import { describe, expect, it } from 'vitest';
import { decimateColumns, decimationIndices } from '#shared/charts/decimate';

/** Min-max decimation of the points (x[i], y[i]) to at most maxPoints points, keeping the extremes of y. */
function decimate(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): { x: Float64Array; y: Float64Array } {
  const kept = decimationIndices({ values: y, count: Math.min(x.length, y.length) }, maxPoints);
  const outX = new Float64Array(kept.length);
  const outY = new Float64Array(kept.length);
  kept.forEach((index, k) => {
    outX[k] = x[index];
    outY[k] = y[index];
  });
  return { x: outX, y: outY };
}

/** A wiggly signal with one sharp spike up and one down, where plain striding would miss them. */
function signal(count: number): Float64Array {
  const y = Float64Array.from({ length: count }, (_, i) => Math.sin(i / 37) + 0.3 * Math.cos(i / 5));
  y[Math.floor(count * 0.37)] = 50;
  y[Math.floor(count * 0.71) + 1] = -50;
  return y;
}

describe('decimate', () => {
  it('keeps every point when there are few enough', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i);
    const y = signal(10);
    const out = decimate(x, y, 10);
    expect(Array.from(out.x)).toEqual(Array.from(x));
    expect(Array.from(out.y)).toEqual(Array.from(y));
  });

  it.each([
    [5, 4],
    [1001, 10],
    [10_000, 200],
    [10_000, 201],
    [123_457, 1500],
  ])('cuts %i points to at most %i, increasing, with the first and last', (count, maxPoints) => {
    const kept = decimationIndices({ values: signal(count), count }, maxPoints);
    expect(kept.length).toBeLessThanOrEqual(maxPoints);
    expect(kept.length).toBeGreaterThan(maxPoints / 2);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(count - 1);
    for (let k = 1; k < kept.length; k++) expect(kept[k]).toBeGreaterThan(kept[k - 1]);
  });

  it('keeps the global extremes and every bucket extreme', () => {
    const count = 20_000;
    const x = Float64Array.from({ length: count }, (_, i) => i * 0.5);
    const y = signal(count);
    const out = decimate(x, y, 300);
    expect(Math.max(...out.y)).toBe(50);
    expect(Math.min(...out.y)).toBe(-50);
    // Each kept point is a real point of the input.
    out.x.forEach((xi, k) => expect(out.y[k]).toBe(y[xi / 0.5]));
    // Every dropped point lies within the range of the kept points around it (its bucket's min and max are kept).
    const kept = decimationIndices({ values: y, count }, 300);
    for (let k = 0; k + 1 < kept.length; k++) {
      const near = [kept[Math.max(0, k - 1)], kept[k], kept[k + 1], kept[Math.min(kept.length - 1, k + 2)]].map(
        (i) => y[i],
      );
      for (let i = kept[k] + 1; i < kept[k + 1]; i++) {
        expect(y[i]).toBeGreaterThanOrEqual(Math.min(...near));
        expect(y[i]).toBeLessThanOrEqual(Math.max(...near));
      }
    }
  });

  it('reads a strided column like the extracted one', () => {
    const width = 7;
    const count = 5000;
    const flat = new Float64Array(width * count);
    const column = signal(count);
    column.forEach((v, i) => {
      flat[i * width + 3] = v;
      flat[i * width + 2] = -v;
    });
    expect(Array.from(decimationIndices({ values: flat, count, offset: 3, stride: width }, 100))).toEqual(
      Array.from(decimationIndices({ values: column, count }, 100)),
    );
  });

  it('handles empty and single-point input', () => {
    expect(decimate(new Float64Array(0), new Float64Array(0), 100).x.length).toBe(0);
    expect(Array.from(decimate([2], [3], 100).y)).toEqual([3]);
  });

  it('keeps exactly the first minimum and first maximum of every bucket, and the first and last points', () => {
    // 2 + 50 * 40 points cut to 102: 50 buckets of exactly 40 interior points each, 1 + 40b .. 40 + 40b.
    const count = 2002;
    const y = signal(count);
    y[1 + 40 * 7 + 13] = y[1 + 40 * 7 + 29] = 9; // a tie: the first one counts
    const kept = Array.from(decimationIndices({ values: y, count }, 102));
    expect(kept[0]).toBe(0);
    expect(kept.at(-1)).toBe(count - 1);
    for (let b = 0; b < 50; b++) {
      const bucket = Array.from(y.subarray(1 + 40 * b, 41 + 40 * b));
      const low = 1 + 40 * b + bucket.indexOf(Math.min(...bucket));
      const high = 1 + 40 * b + bucket.indexOf(Math.max(...bucket));
      expect(kept.filter((i) => i >= 1 + 40 * b && i < 41 + 40 * b)).toEqual(
        [...new Set([low, high])].sort((p, q) => p - q),
      );
    }
    expect(kept).toContain(1 + 40 * 7 + 13);
    expect(kept).not.toContain(1 + 40 * 7 + 29);
  });
});

describe('decimateColumns', () => {
  /** m columns of count rows, row i of column k at (offset + k + i * stride), other entries filled with noise. */
  function block(m: number, count: number, offset: number, stride: number) {
    const values = Float64Array.from({ length: offset + count * stride }, (_, n) => 100 + Math.sin(n));
    const columns = Array.from({ length: m }, (_, k) => {
      const column = signal(count).map((v, i) => v * (k + 1) + (i === 3 * k + 10 ? 40 : 0));
      column.forEach((v, i) => (values[offset + k + i * stride] = v));
      return column;
    });
    return { values, columns };
  }

  it.each([
    [7, 5000, 100],
    [3, 50, 100],
    [4, 501, 17],
  ])(
    'gives for each of %i columns of %i points (at most %i kept) what decimationIndices gives, with the values',
    (m, count, maxPoints) => {
      const { values, columns } = block(m, count, 2, m + 3);
      const kept = decimateColumns({ values, count, columns: m, offset: 2, stride: m + 3 }, maxPoints);
      expect(kept).toHaveLength(m);
      kept.forEach(({ indices, y }, k) => {
        expect(Array.from(indices)).toEqual(Array.from(decimationIndices({ values: columns[k], count }, maxPoints)));
        expect(Array.from(y)).toEqual(Array.from(indices, (i) => columns[k][i]));
        expect(indices.length).toBeLessThanOrEqual(Math.max(maxPoints, 4));
        expect(Math.max(...y)).toBe(Math.max(...columns[k]));
        expect(Math.min(...y)).toBe(Math.min(...columns[k]));
      });
    },
  );

  it('keeps short columns whole and handles no columns and no points', () => {
    const { values, columns } = block(3, 10, 0, 3);
    const kept = decimateColumns({ values, count: 10, columns: 3, stride: 3 }, 200);
    kept.forEach(({ indices, y }, k) => {
      expect(Array.from(indices)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(Array.from(y)).toEqual(Array.from(columns[k]));
    });
    expect(decimateColumns({ values, count: 10, columns: 0, stride: 3 }, 200)).toEqual([]);
    expect(
      decimateColumns({ values, count: 0, columns: 3, stride: 3 }, 200).map(({ indices }) => indices.length),
    ).toEqual([0, 0, 0]);
  });
});
