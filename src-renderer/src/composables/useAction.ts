/**
 * An action the user starts (a click, a submit): runs it, says meanwhile that it is busy, and keeps the message of its
 * failure. A second start while it runs does nothing; the next run clears the message of the last failure.
 */
import { ref, type Ref } from 'vue';
import { errorMessage } from '#shared/base/errors';

export interface Action<A extends unknown[], T> {
  /** busy: the action is running. */
  busy: Readonly<Ref<boolean>>;
  /** error: why the last run failed (prefixed as asked), null when it did not; a view may clear it. */
  error: Ref<string | null>;
  /** Runs the action unless it is running: its result, or null when it failed or did not start. */
  run: (...args: A) => Promise<T | null>;
}

/**
 * `failure` starts the message of a failure, before ": " and the error's own message ("Export failed" gives
 * "Export failed: disk full"); a function of the run's arguments when they say what failed. Without it the message
 * is the error's own.
 */
export function useAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
  failure?: string | ((...args: A) => string),
): Action<A, T> {
  const busy = ref(false);
  const error = ref<string | null>(null);

  async function run(...args: A): Promise<T | null> {
    if (busy.value) return null;
    busy.value = true;
    error.value = null;
    try {
      return await action(...args);
    } catch (thrown) {
      const prefix = typeof failure === 'function' ? failure(...args) : failure;
      error.value = prefix === undefined ? errorMessage(thrown) : `${prefix}: ${errorMessage(thrown)}`;
      return null;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
