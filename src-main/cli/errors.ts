/** A problem with the command line or its files: reported in one line, exit code 2, nothing written. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
