/** How the history shows dates, durations and coverage in its narrow cells. */
import type { RunSummary } from '#shared/api/contract';
import { formatDuration } from '#shared/base/duration';

const dateFormat = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  // A 24-hour clock in every locale: "AM"/"PM" would make the narrow cell too wide for its column at 1440 px.
  hourCycle: 'h23',
});

/** "May 12, 14:03" in the reader's locale, on a 24-hour clock; the full date and time show on hover. */
export const shortDate = (iso: string): string => dateFormat.format(new Date(iso));

const fullDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'medium' });

/** "Friday, December 4, 2026 at 07:31:02" in the reader's locale: the hover text of a short date. */
export const fullDate = (iso: string): string => fullDateFormat.format(new Date(iso));

/** A run's duration in milliseconds as formatDuration writes it ("850 ms", "4 min 5 s"); "—" when unknown. */
export const duration = (ms: number | null): string => (ms === null ? '—' : formatDuration(ms / 1000));

/** "4/5", or "—" before the run has a summary. */
export const coveredText = (run: Pick<RunSummary, 'coveredJumps' | 'totalJumps'>): string =>
  run.coveredJumps === null ? '—' : `${run.coveredJumps}/${run.totalJumps}`;
