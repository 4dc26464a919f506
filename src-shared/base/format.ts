/** Number formatting shared by chart tooltips, axis labels and the UI tables. */

/** Four significant digits, scientific notation for very small or very large magnitudes (1.234e-5, 0.01234, 12345). */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return value.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return Number(value.toPrecision(digits)).toString();
}

/**
 * A value exactly as stored, in the same notation as formatNumber: scientific below 1e-3 and from 1e7 on ("1e-5",
 * never "0.00001" beside "1e-9"), otherwise plain ("0.004", "175000000" as "1.75e+8"). For configuration values,
 * which must read back to the same number; anything that is not a number is left to the caller.
 */
export function formatExact(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude !== 0 && Number.isFinite(value) && (magnitude < 1e-3 || magnitude >= 1e7)
    ? value.toExponential()
    : String(value);
}

/** Whole numbers with thin thousands separators: 1750000 -> "1 750 000". */
export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}
