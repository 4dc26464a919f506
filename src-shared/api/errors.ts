/** Named errors that cross process boundaries as data ({ name, message }). */
import type { WireError } from './contract';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

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

/** An error received from the other side of a boundary, keeping its original name. */
export class RemoteError extends Error {
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
  }
}

export function toWireError(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name || 'Error', message: error.message };
  return { name: 'Error', message: String(error) };
}
