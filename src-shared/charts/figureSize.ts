/**
 * Figure sizes for papers and talks: the venues' column widths as presets, or a custom WIDTHxHEIGHT in in, cm, mm or
 * pt. A size is kept in PDF points (1/72 in) with the body font size the figure's text is set in, so a figure included
 * at 100 % has the paper's text size.
 */
import { z } from 'zod';
import { errorMessage } from '../base/errors';

/** A figure's size in points, with the font size its text is set in. */
export interface FigureSize {
  /** width, height: in PDF points (72 per inch). */
  width: number;
  height: number;
  /** fontSize: body text of the figure (axis names, legend) in points; tick labels and notes one point smaller. */
  fontSize: number;
}

/** A named size, with what it is for. */
export interface FigurePreset extends FigureSize {
  name: string;
  label: string;
}

const INCH = 72;

/**
 * NeurIPS and ICLR print one 5.5 in column; ICML and most two-column venues have 3.25 in columns and 6.75 in of text
 * width; a slide is 16:9. Heights keep a figure about golden or as wide as a figure row usually is.
 */
export const figurePresets: readonly FigurePreset[] = [
  { name: 'neurips', label: 'NeurIPS/ICLR, 5.5 × 3.4 in', width: 5.5 * INCH, height: 3.4 * INCH, fontSize: 9 },
  { name: 'column', label: 'ICML column, 3.25 × 2.6 in', width: 3.25 * INCH, height: 2.6 * INCH, fontSize: 8 },
  { name: 'full-width', label: 'ICML full width, 6.75 × 2.8 in', width: 6.75 * INCH, height: 2.8 * INCH, fontSize: 9 },
  { name: 'slide', label: 'Slide 16:9, 10 × 5.6 in', width: 10 * INCH, height: 5.625 * INCH, fontSize: 14 },
];

export const DEFAULT_FIGURE = 'neurips';

/** Points per unit of a custom size. */
const unitPoints = { in: INCH, cm: INCH / 2.54, mm: INCH / 25.4, pt: 1 } as const;

/** Smallest and largest side of a figure, in points (0.5 in to 40 in). */
export const MIN_SIDE = 36;
export const MAX_SIDE = 2880;

const CUSTOM = /^(\d+(?:\.\d+)?)(in|cm|mm|pt)?x(\d+(?:\.\d+)?)(in|cm|mm|pt)$/;

/** Paper-sized figures are set in 8 pt below 4 in of width, else 9 pt (the body text of most venues is 9-10 pt). */
const fontSizeFor = (width: number) => (width < 4 * INCH ? 8 : 9);

/**
 * Parses a preset name or WIDTHxHEIGHT with units ("3.25inx2.2in", "8.5cmx6cm", "240x160pt": a unit given once
 * applies to both); throws RangeError saying what is accepted.
 */
export function parseFigureSize(text: string): FigureSize {
  const spec = text.trim().toLowerCase();
  const preset = figurePresets.find((candidate) => candidate.name === spec);
  if (preset) return { width: preset.width, height: preset.height, fontSize: preset.fontSize };
  const match = CUSTOM.exec(spec.replace(/\s+/g, '').replace('×', 'x'));
  if (!match)
    throw new RangeError(
      `"${text}" is not a size: use one of ${figurePresets.map((p) => p.name).join(', ')}, or WIDTHxHEIGHT with a unit (in, cm, mm, pt), e.g. 3.25inx2.2in`,
    );
  const width = Number(match[1]) * unitPoints[(match[2] ?? match[4]) as keyof typeof unitPoints];
  const height = Number(match[3]) * unitPoints[match[4] as keyof typeof unitPoints];
  for (const [side, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (value < MIN_SIDE || value > MAX_SIDE)
      throw new RangeError(`${side} ${+value.toFixed(1)} pt is outside ${MIN_SIDE}-${MAX_SIDE} pt (0.5 in to 40 in)`);
  }
  return { width, height, fontSize: fontSizeFor(width) };
}

/** The size text of a boundary (CLI flag, IPC parameter): a preset name or a custom size, checked by parseFigureSize. */
export const figureSizeSchema = z
  .string({ error: 'must be a size name or WIDTHxHEIGHT' })
  .max(40, 'must be a size name or WIDTHxHEIGHT')
  .transform((text, context) => {
    try {
      return parseFigureSize(text);
    } catch (error) {
      context.addIssue({ code: 'custom', message: errorMessage(error) });
      return z.NEVER;
    }
  });
