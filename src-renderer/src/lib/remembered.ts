/** Choices the workbench remembers from one session to the next (theme, figure size, report format), in localStorage. */

/** The value stored under `key`; null when there is none or no storage (tests without a DOM). */
export function recall(key: string): string | null {
  return typeof localStorage !== 'undefined' ? localStorage.getItem(key) : null;
}

/** Stores `value` under `key`, where there is storage. */
export function remember(key: string, value: string): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(key, value);
}
