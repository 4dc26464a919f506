/** How the history shows dates, durations and coverage in its narrow cells. */
import type { RunSummary } from '../../../src-shared/api/contract';

const dateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** "May 12, 14:03" (or "May 12, 2:03 PM") in the reader's locale; the full date and time show on hover. */
export const shortDate = (iso: string): string => dateFormat.format(new Date(iso));

const fullDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** "Friday, December 4, 2026 at 07:31:02" in the reader's locale: the hover text of a short date. */
export const fullDate = (iso: string): string => fullDateFormat.format(new Date(iso));

/** "850 ms", "12.3 s", "4 min 05 s", "2 h 07 min"; "—" when unknown. */
export function duration(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** "4/5", or "—" before the run has a summary. */
export const coveredText = (run: Pick<RunSummary, 'coveredJumps' | 'totalJumps'>): string => (run.coveredJumps === null ? '—' : `${run.coveredJumps}/${run.totalJumps}`);
