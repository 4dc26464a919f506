/** The accessible name of a chart: its title and subtitle as the option states them, or a plain fallback. */

interface TitleLike {
  text?: unknown;
  subtext?: unknown;
}

/** "Loss — SGD against the limit" from the option's first title; "Chart" when it has none. */
export function chartLabel(option: { title?: TitleLike | TitleLike[] } | null): string {
  const title = Array.isArray(option?.title) ? option.title[0] : option?.title;
  const parts = [title?.text, title?.subtext].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.length > 0 ? parts.join(' — ') : 'Chart';
}
