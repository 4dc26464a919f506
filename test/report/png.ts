/** A minimal PNG decoder for tests (8-bit RGB or RGBA, no interlace: what resvg writes), and image checks. */
import { inflateSync } from 'node:zlib';
import { svgToPng } from '../../src-main/report/render';

export interface Image {
  width: number;
  height: number;
  /** rgba[4 * (y * width + x) + c]: channel c of pixel (x, y). */
  rgba: Uint8Array;
}

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Image {
  if (!SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let offset = 8; offset < png.length;) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      const [depth, colorType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colorType !== 6 && colorType !== 2))
        throw new Error(`unsupported PNG: depth ${depth}, color ${colorType}, interlace ${interlace}`);
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? pixels[y * stride + i - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const upLeft = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      pixels[y * stride + i] = (line[i] + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) rgba.set([pixels[3 * p], pixels[3 * p + 1], pixels[3 * p + 2], 255], 4 * p);
  return { width, height, rgba };
}

/** Width and height from the IHDR chunk, without decoding the pixels. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  if (!SIGNATURE.every((byte, i) => png[i] === byte)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Variance of the grey level over all pixels: 0 for a blank image. */
export function greyVariance(image: Image): number {
  let sum = 0;
  let squares = 0;
  const n = image.width * image.height;
  for (let p = 0; p < n; p++) {
    const grey = (image.rgba[4 * p] + image.rgba[4 * p + 1] + image.rgba[4 * p + 2]) / 3;
    sum += grey;
    squares += grey * grey;
  }
  return squares / n - (sum / n) ** 2;
}

/** Pixels where two images of the same size differ. */
export function differingPixels(a: Image, b: Image): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let count = 0;
  for (let p = 0; p < a.width * a.height; p++) {
    if (
      a.rgba[4 * p] !== b.rgba[4 * p] ||
      a.rgba[4 * p + 1] !== b.rgba[4 * p + 1] ||
      a.rgba[4 * p + 2] !== b.rgba[4 * p + 2]
    )
      count++;
  }
  return count;
}

/**
 * Pixels of `png` drawn by text: the difference to the same SVG rendered with every <text> element removed. A PNG
 * whose text resvg dropped (no usable font) gives 0.
 */
export function textInk(svg: string, png: Uint8Array, pixelRatio: 1 | 2 | 3): number {
  const withoutText = svg.replace(/<text\b[\s\S]*?<\/text>/g, '');
  return differingPixels(decodePng(png), decodePng(svgToPng(withoutText, pixelRatio)));
}

/** Number of <text> elements with visible content in an SVG document. */
export function textElements(svg: string): number {
  return (svg.match(/<text\b[^>]*>[^<]*\S[^<]*<\/text>/g) ?? []).length;
}
