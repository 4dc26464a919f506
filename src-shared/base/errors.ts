/**
 * The lab's error vocabulary, below every other layer: it imports nothing, and every module may import it.
 */

/** The message of anything thrown, whether or not it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
