import { describe, expect, it } from 'vitest';
import { decimate, decimationIndices } from '../../src-shared/charts/decimate';

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
      const near = [kept[Math.max(0, k - 1)], kept[k], kept[k + 1], kept[Math.min(kept.length - 1, k + 2)]].map((i) => y[i]);
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
});
