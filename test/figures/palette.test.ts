/**
 * The default series palette stays apart for colour-blind readers: every pair of series colours, simulated for
 * deuteranopia, protanopia and tritanopia at full severity with the matrices of Machado, Oliveira & Fernandes, "A
 * Physiologically-based Model for Simulation of Color Vision Deficiency" (IEEE TVCG 15(6), 2009; culori's
 * filterDeficiency*), keeps a CIEDE2000 colour difference (Sharma, Wu & Dalal 2005; culori's differenceCiede2000) of at
 * least MIN_DISTANCE. About 10 is "clearly different at a glance" for lines and markers (2.3 is just noticeable).
 */
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  rgb,
  type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { CATEGORICAL, CIVIDIS, LINE_DASHES, seriesLineStyle, VIRIDIS } from '#shared/charts/palette';

const MIN_DISTANCE = 10;
const distance = differenceCiede2000();
const visions: Record<string, (color: string) => Color> = {
  deuteranopia: (color) => filterDeficiencyDeuter(1)(rgb(color)!),
  protanopia: (color) => filterDeficiencyProt(1)(rgb(color)!),
  tritanopia: (color) => filterDeficiencyTrit(1)(rgb(color)!),
  normal: (color) => rgb(color)!,
};

/** The closest pair of the palette as seen with `vision`, with its distance. */
function closestPair(
  palette: readonly string[],
  vision: (color: string) => Color,
): { pair: [string, string]; distance: number } {
  const seen = palette.map(vision);
  let closest = { pair: [palette[0], palette[1]] as [string, string], distance: Infinity };
  for (let i = 0; i < palette.length; i++) {
    for (let j = i + 1; j < palette.length; j++) {
      const d = distance(seen[i], seen[j]);
      if (d < closest.distance) closest = { pair: [palette[i], palette[j]], distance: d };
    }
  }
  return closest;
}

describe('the series palette under colour-vision deficiencies', () => {
  for (const [name, vision] of Object.entries(visions)) {
    it(`keeps every pair of series colours at least ${MIN_DISTANCE} CIEDE2000 apart (${name})`, () => {
      const closest = closestPair(CATEGORICAL, vision);
      expect(
        closest.distance,
        `${closest.pair.join(' and ')} are ${closest.distance.toFixed(1)} apart`,
      ).toBeGreaterThanOrEqual(MIN_DISTANCE);
    });
  }

  it('would fail for the ECharts default palette it replaced (the check can fail)', () => {
    const echartsDefault = [
      '#5470c6',
      '#91cc75',
      '#fac858',
      '#ee6666',
      '#73c0de',
      '#3ba272',
      '#fc8452',
      '#9a60b4',
      '#ea7ccc',
    ];
    expect(closestPair(echartsDefault, visions.protanopia).distance).toBeLessThan(MIN_DISTANCE);
  });

  it('gives neighbouring series different dash patterns, so lines stay apart in greyscale', () => {
    const styles = Array.from({ length: LINE_DASHES.length }, (_, i) => JSON.stringify(seriesLineStyle(i, 1).type));
    expect(new Set(styles).size).toBe(LINE_DASHES.length);
  });

  it('uses sequential maps whose lightness rises monotonically (readable in greyscale)', () => {
    for (const map of [VIRIDIS, CIVIDIS]) {
      const lightness = map.map((color) => {
        const { r, g, b } = rgb(color)!;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      });
      expect(lightness.every((value, i) => i === 0 || value > lightness[i - 1])).toBe(true);
    }
  });
});
