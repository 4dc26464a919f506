/** Figure sizes: presets at the venues' widths, custom sizes in in, cm, mm and pt, and clear refusals. */
import { describe, expect, it } from 'vitest';
import { figureSizeSchema, parseFigureSize } from '#shared/charts/figureSize';

describe('figure sizes', () => {
  it('has the venues column widths as presets, in points', () => {
    expect(parseFigureSize('neurips')).toMatchObject({ width: 396, fontSize: 9 });
    expect(parseFigureSize('column')).toMatchObject({ width: 234, fontSize: 8 });
    expect(parseFigureSize('full-width').width).toBe(486);
    const slide = parseFigureSize('slide');
    expect(slide.width / slide.height).toBeCloseTo(16 / 9, 10);
  });

  it('reads WIDTHxHEIGHT in in, cm, mm or pt, a unit given once applying to both', () => {
    expect(parseFigureSize('3.25inx2.2in')).toEqual({ width: 234, height: 158.4, fontSize: 8 });
    expect(parseFigureSize('2.54cmx5.08cm')).toMatchObject({ width: 72, height: 144 });
    expect(parseFigureSize('240x160pt')).toMatchObject({ width: 240, height: 160 });
    expect(parseFigureSize('150mmx100mm').width).toBeCloseTo(425.2, 1);
  });

  it('refuses what is not a size, naming what is accepted, and sizes out of bounds', () => {
    expect(() => parseFigureSize('a4')).toThrow(/neurips, column, full-width, slide, or WIDTHxHEIGHT/);
    expect(() => parseFigureSize('3x2')).toThrow(/WIDTHxHEIGHT with a unit/);
    expect(() => parseFigureSize('0.1inx2in')).toThrow(/width 7.2 pt is outside/);
    const parsed = figureSizeSchema.safeParse('huge');
    expect(parsed.success).toBe(false);
  });
});
