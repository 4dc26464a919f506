import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lossChartOption } from '#shared/charts/loss';
import { reportFontFiles } from '../../src-main/report/fonts';
import { renderChartPng, renderChartSvg } from '../../src-main/report/render';
import { paperConfig, syntheticSeries } from '../charts/series';
import { decodePng, greyVariance, textElements, textInk } from './png';

const option = lossChartOption(
  syntheticSeries({ m: 20, count: 101, limitLoss: (i) => 0.3 * Math.exp(-i / 20) }),
  paperConfig(),
);
const empty = mkdtempSync(join(tmpdir(), 'ttlab-fonts-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('renderChartSvg', () => {
  it('renders the chart as an SVG document of the requested size, with its title and axis names as text', () => {
    const svg = renderChartSvg(option, { width: 640, height: 400 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="640" height="400"');
    expect(svg).toContain('>Loss</text>');
    expect(svg).toContain('L2 error L(a,u)');
    expect(svg).not.toMatch(/<animate/);
  });

  it('gives the same SVG every time, ids and classes included', () => {
    const svg = renderChartSvg(option, { width: 500, height: 300 });
    expect(renderChartSvg(option, { width: 500, height: 300 })).toBe(svg);
    expect(svg).not.toMatch(/zr\d/);
    expect(renderChartSvg(option, { width: 500, height: 300, idPrefix: 'other' })).toContain('clip-path="url(#other-');
  });
});

describe('renderChartPng', () => {
  it.each([1, 2, 3] as const)(
    'gives a %ix PNG of width x ratio by height x ratio pixels, not blank, with its text drawn',
    (pixelRatio) => {
      const png = renderChartPng(option, { width: 600, height: 360, pixelRatio });
      const image = decodePng(png);
      expect([image.width, image.height]).toEqual([600 * pixelRatio, 360 * pixelRatio]);
      expect(greyVariance(image)).toBeGreaterThan(100);
      const svg = renderChartSvg(option, { width: 600, height: 360 });
      expect(textInk(svg, png, pixelRatio)).toBeGreaterThan(10 * pixelRatio * textElements(svg));
    },
  );

  it('is byte-identical across renders (no system font, no clock)', () => {
    const first = renderChartPng(option, { width: 400, height: 300, pixelRatio: 1 });
    expect(Buffer.compare(first, renderChartPng(option, { width: 400, height: 300, pixelRatio: 1 }))).toBe(0);
  });

  it('loses all text without the fonts, and the text check sees it', () => {
    const svg = renderChartSvg(option, { width: 600, height: 360 });
    expect(textElements(svg)).toBeGreaterThan(10);
    const noFonts = renderChartPng(option, { width: 600, height: 360, pixelRatio: 1, fonts: [] });
    expect(textInk(svg, noFonts, 1)).toBe(0);
    const emptyFile = join(empty, 'DejaVuSans.ttf');
    writeFileSync(emptyFile, '');
    const emptyFont = renderChartPng(option, { width: 600, height: 360, pixelRatio: 1, fonts: [emptyFile] });
    expect(textInk(svg, emptyFont, 1)).toBe(0);
  });

  it('finds the shipped DejaVu fonts beside the sources', () => {
    const files = reportFontFiles();
    expect(files.map((file) => file.split(/[\\/]/).pop())).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    expect(files[0]).toMatch(/resources[\\/]fonts/);
  });
});
