/**
 * Colours every chart uses. Series: the Okabe-Ito palette (Okabe & Ito, "Color Universal Design", 2008), which stays
 * apart for deuteranopes, protanopes and tritanopes (test/figures/palette.test.ts checks it), with a line style per
 * series so lines also stay apart in greyscale print. Maps: viridis and cividis (perceptually uniform, readable in
 * greyscale and by colour-blind readers).
 */

/** Okabe-Ito, yellow last (it is faint on white), black after it. */
export const CATEGORICAL = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#000000',
] as const;

/** Dash patterns in series order (solid, dashed, dotted, dash-dot, long dash): series apart without colour. */
export const LINE_DASHES: ReadonlyArray<'solid' | number[]> = [
  'solid',
  [6, 3],
  [1.5, 2.5],
  [6, 2.5, 1.5, 2.5],
  [12, 4],
];

/** Marker shapes in series order, for series drawn with symbols. */
export const MARKERS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'] as const;

/** The colour of series i. */
export const seriesColor = (i: number): string => CATEGORICAL[i % CATEGORICAL.length];

/** The line style of series i: a colour and a dash pattern, cycling independently (8 colours x 5 dashes). */
export function seriesLineStyle(i: number, width: number): { color: string; width: number; type: 'solid' | number[] } {
  return { color: seriesColor(i), width, type: LINE_DASHES[i % LINE_DASHES.length] };
}

/** Viridis (matplotlib), ten stops from dark purple to yellow. */
export const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
] as const;

/** Cividis (Nuñez, Anderton & Renslow 2018), ten stops from dark blue to yellow: the same for normal and deuteranope vision. */
export const CIVIDIS = [
  '#00204d',
  '#00336f',
  '#39486b',
  '#575d6d',
  '#707173',
  '#8a8779',
  '#a69d75',
  '#c4b56c',
  '#e4cf5b',
  '#ffea46',
] as const;

/** Text on a cell of a sequential map at position t in [0, 1]: white on the dark half, ink on the light half. */
export const textOnMap = (t: number): string => (t < 0.5 ? '#ffffff' : '#1f2329');
