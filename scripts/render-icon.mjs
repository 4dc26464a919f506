// Renders the app icon (build/icon.svg) to the PNG sizes electron-builder needs: `node scripts/render-icon.mjs`.
// The picture: the paper's piecewise-constant target (a staircase) and a network's smooth fit converging onto it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const buildDir = join(import.meta.dirname, '../build');
/** Square sizes in pixels; electron-builder reads build/icons/<size>x<size>.png. */
const ICON_SIZES = [256, 512];

const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8');
for (const size of ICON_SIZES) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), png);
  console.log(`build/icons/${size}x${size}.png: ${png.length} bytes`);
}
