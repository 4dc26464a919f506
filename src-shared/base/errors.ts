/**
 * The lab's error vocabulary, below every other layer: it imports nothing, and every module may import it.
 *
 * Named errors cross process boundaries as data, `{ name, message }` (api/contract's WireError): the other side
 * rebuilds a RemoteError that keeps the name, and the renderer and the tests match on it, so a name never changes.
 * Where the error object is local, test it with `instanceof`; where it came over a boundary, with its `name`.
 */

/** An error as data, the shape of api/contract's WireError (restated here so that this layer imports nothing). */
export interface ErrorData {
  name: string;
  message: string;
}

/** The message of anything thrown, whether or not it is an Error. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Anything thrown as data to send across a boundary; a thrown non-Error becomes a plain 'Error'. */
export function toWireError(error: unknown): ErrorData {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}

/** An error received from the other side of a boundary, keeping its original name. */
export class RemoteError extends Error {
  constructor(wire: ErrorData) {
    super(wire.message);
    this.name = wire.name;
  }
}

/** A run, sweep or page cursor asked for does not exist. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A request names a method the lab's API does not have. */
export class UnknownMethodError extends Error {
  override readonly name = 'UnknownMethodError';
}

/** The answer would exceed what one reply may carry (config/limits.ts); the message says how to ask in parts. */
export class ReplyTooLargeError extends Error {
  override readonly name = 'ReplyTooLargeError';
}

/** The run is not in a state that allows what was asked (e.g. resuming a run that is done or still running). */
export class RunStateError extends Error {
  override readonly name = 'RunStateError';
}

/** A message between the pool and a trainer process breaks their protocol (unreadable, or a start while busy). */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** A trainer process exited, was killed or could not start before its run finished. */
export class TrainerExitError extends Error {
  override readonly name = 'TrainerExitError';
}

/**
 * The render process (report exports and chart figures) exited, was killed (e.g. aborted by resvg on a malformed
 * chart) or could not start before it answered; the lab goes on, and the next export starts a new one.
 */
export class RenderExitError extends Error {
  override readonly name = 'RenderExitError';
}

/** A trainer process did not stop within the grace period after a cancel, and was killed. */
export class CancelTimeoutError extends Error {
  override readonly name = 'CancelTimeoutError';
}

/** The trainer pool closed while a run was still in it. */
export class PoolClosedError extends Error {
  override readonly name = 'PoolClosedError';
}

/** A request came from somewhere the lab does not answer (a frame other than its own window's). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** A message on the API socket is not a request (binary, not the wire encoding, not an object, no usable id). */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/** The connection to the lab dropped (or the lab restarted) before it answered a request. */
export class ConnectionError extends Error {
  override readonly name = 'ConnectionError';
}

/** A bad command line (`ttlab`, browser mode) or one of its files: reported in one line naming the flag, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
