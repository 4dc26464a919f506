/**
 * Durations as the lab prints them: one formatter for the terminal (progress bars, the reproduction's notes and report)
 * and the UI (run times in the history, time left of a run, the designer's estimates). The value is rounded to what
 * is shown before it is split into units, so 119.6 s reads "2 min 0 s", never "1 min 60 s".
 */

export interface DurationStyle {
  /** Units run into the numbers and the smaller one has two digits ("1m05s", "2h07m"), for terminals and text tables. */
  compact?: boolean;
}

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/**
 * "850 ms", "4.2 s", "12 s", "3 min 20 s", "4 h 5 min" (compact: "850ms", "4.2s", "12s", "3m20s", "4h05m"):
 * milliseconds below a second, tenths below ten seconds, whole seconds below an hour, whole minutes from there on.
 * Not a duration (NaN, infinite or negative, e.g. no speed to estimate from yet): "—", compact "?".
 */
export function formatDuration(seconds: number, { compact = false }: DurationStyle = {}): string {
  if (!Number.isFinite(seconds) || seconds < 0) return compact ? '?' : '—';
  const space = compact ? '' : ' ';
  const ms = Math.round(seconds * 1000);
  if (ms < 1000) return `${ms}${space}ms`;
  const tenths = Math.round(seconds * 10);
  if (tenths < 100) return `${(tenths / 10).toFixed(1)}${space}s`;
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}${space}s`;
  if (whole < 3600) {
    const minutes = Math.floor(whole / 60);
    return compact ? `${minutes}m${twoDigits(whole % 60)}s` : `${minutes} min ${whole % 60} s`;
  }
  const allMinutes = Math.round(seconds / 60);
  const hours = Math.floor(allMinutes / 60);
  return compact ? `${hours}h${twoDigits(allMinutes % 60)}m` : `${hours} h ${allMinutes % 60} min`;
}
