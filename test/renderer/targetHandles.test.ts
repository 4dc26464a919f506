/** The target editor's level bars stay inside their piece (the last one never past x = 1), and drags snap. */
import { describe, expect, it } from 'vitest';
import { levelBar, targetHandles } from '../../src-renderer/src/lib/designerTargetChart';
import { rowsFromTarget, setLevel, targetFromRows } from '../../src-renderer/src/lib/designerTarget';

describe('level handles', () => {
  it('give each level handle its piece, the last one ending at x = 1', () => {
    const handles = targetHandles({ positions: [0.2, 0.98], values: [0, 1, -1] }).filter(
      (handle) => handle.kind === 'level',
    );
    expect(handles.map((handle) => [handle.from, handle.to])).toEqual([
      [0, 0.2],
      [0.2, 0.98],
      [0.98, 1],
    ]);
  });

  it('draw a bar no wider than a narrow piece, centred on it', () => {
    // The last piece [0.98, 1] is 10 px wide on a 500 px plot starting at 56 px.
    const from = 56 + 0.98 * 500;
    const to = 56 + 500;
    const bar = levelBar(from, to);
    expect(bar.x + bar.width / 2).toBeLessThanOrEqual(to);
    expect(bar.x - bar.width / 2).toBeGreaterThanOrEqual(from);
    expect(levelBar(0, 300)).toEqual({ x: 150, width: 30 });
  });

  it('snap a dragged level to the level grid', () => {
    const rows = rowsFromTarget({ positions: [0.5], values: [0, 1] });
    setLevel(rows, 1, 1.23456);
    expect(targetFromRows(rows).values).toEqual([0, 1.23]);
  });
});
