/**
 * Text that users name things with (runs, sweeps, variants, tags): validated once where it enters (the API, the CLI,
 * imports) and escaped where it leaves (chart tooltips are HTML, the terminal reads escape sequences).
 */
import { z } from 'zod';

/** Longest run or sweep name. */
export const MAX_NAME_LENGTH = 200;

/**
 * Characters a name may not hold: C0 and C1 controls (escape sequences, bells, line breaks, NUL), line and paragraph
 * separators, and the bidirectional overrides and isolates that make a name display as something else. XML refuses
 * most of them, so they also broke every SVG and PNG export.
 */
const FORBIDDEN = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const FORBIDDEN_ALL = new RegExp(FORBIDDEN.source, 'gu');

export const noControlMessage = 'must not contain control characters (line breaks, tabs, escape codes)';

/** True when `text` holds none of the characters above. */
export const isPlainText = (text: string): boolean => !FORBIDDEN.test(text);

/** A name as the API and the CLI take it: at most `max` characters, no control characters (may be empty). */
export const plainText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .max(max, `must be at most ${max} characters`)
    .refine(isPlainText, noControlMessage);

/** A run or sweep name, not empty. */
export const nameSchema = plainText(MAX_NAME_LENGTH).refine((name) => name.trim().length > 0, 'must not be empty');

/** `text` for HTML (chart tooltips): the five characters with meaning there, escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** `text` for a terminal: control characters shown as \u{...}, so a name cannot move the cursor or recolour the screen. */
export function printable(text: string): string {
  return text.replace(FORBIDDEN_ALL, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`);
}
