/** How far apart two renderings of one figure are: the share of pixels whose grey levels differ clearly. */
import type { Image } from '../report/png';

/** Grey levels further apart than this count as a differing pixel (anti-aliasing differs by less along edges). */
const CLEAR = 96;

/** Share of pixels of same-sized images (up to one pixel of rounding cut off) whose grey levels differ by over CLEAR. */
export function differingShare(a: Image, b: Image): number {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  if (Math.abs(a.width - b.width) > 1 || Math.abs(a.height - b.height) > 1)
    throw new Error(`sizes differ: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  const grey = (image: Image, x: number, y: number) => {
    const i = 4 * (y * image.width + x);
    return (image.rgba[i] + image.rgba[i + 1] + image.rgba[i + 2]) / 3;
  };
  let differing = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (Math.abs(grey(a, x, y) - grey(b, x, y)) > CLEAR) differing++;
  return differing / (width * height);
}

/** Share of pixels that are not white: 0 for a blank page. */
export function inkShare(image: Image): number {
  let ink = 0;
  for (let p = 0; p < image.width * image.height; p++)
    if (image.rgba[4 * p] + image.rgba[4 * p + 1] + image.rgba[4 * p + 2] < 3 * 235) ink++;
  return ink / (image.width * image.height);
}
