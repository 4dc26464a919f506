/**
 * The lab's API over one WebSocket: requests `{ id, method, params }` answered with `{ id, ok, result | error }`, and
 * every lab event pushed as `{ event, payload }`, all in the wire encoding (typed arrays as base64, see wire.ts).
 * Malformed messages get an error reply; nothing a client sends can throw out of here.
 */
import { WebSocket, type RawData } from 'ws';
import { eventNames, type LabEventName, type WireError } from '#shared/api/contract';
import { dispatch, type DispatchResult } from '#shared/api/dispatch';
import { BadRequestError, ReplyTooLargeError, toWireError } from '#shared/base/errors';
import { WireFormatError } from '#shared/api/wire';
import type { LabEndpoint } from '../serve/endpoint';
import { nodeWire } from './wireCodec';

type RequestId = string | number;
type ParsedRequest = { id: RequestId; method: unknown; params: unknown } | { id: RequestId | null; error: WireError };

function badRequest(id: RequestId | null, message: string): ParsedRequest {
  return { id, error: toWireError(new BadRequestError(message)) };
}

function isRequestId(value: unknown): value is RequestId {
  return (typeof value === 'string' && value.length <= 100) || (typeof value === 'number' && Number.isFinite(value));
}

export function parseRequest(data: RawData, isBinary: boolean): ParsedRequest {
  if (isBinary) return badRequest(null, 'binary messages are not supported; send JSON text');
  let message: unknown;
  try {
    message = nodeWire.decode(data.toString());
  } catch (error) {
    return badRequest(null, error instanceof WireFormatError ? error.message : 'malformed JSON');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return badRequest(null, 'a request is a JSON object');
  const { id, method, params } = message as Record<string, unknown>;
  if (!isRequestId(id)) return badRequest(null, 'a request needs an id (a string or a finite number)');
  return { id, method, params };
}

/** Encodes and sends; false when the value cannot be encoded (a string beyond V8's limit, a value JSON refuses). */
function sendIfOpen(socket: WebSocket, value: unknown): boolean {
  if (socket.readyState !== WebSocket.OPEN) return true;
  let text: string;
  try {
    text = nodeWire.encode(value);
  } catch {
    return false;
  }
  socket.send(text);
  return true;
}

/** Sends the reply to a request; one that cannot be encoded is answered with a typed error instead. */
function reply(socket: WebSocket, id: RequestId | null, answer: DispatchResult): void {
  if (sendIfOpen(socket, { id, ...answer })) return;
  const error = new ReplyTooLargeError(
    'the answer is too large to send in one reply: ask for less (a thinned series or pages)',
  );
  sendIfOpen(socket, { id, ok: false, error: toWireError(error) });
}

/**
 * Bytes a client may leave unread before the host stops sending it checkpoint and progress events: a client that
 * stops reading costs the host this much at most, not the whole checkpoint stream. It loses those events, not the
 * data: the run view sees the gap in `firstIndex` and reads the stored series again; status events always go.
 */
export const MAX_CLIENT_BACKLOG_BYTES = 16 * 1024 * 1024;
const droppableEvents: ReadonlySet<LabEventName> = new Set(['run:checkpoints', 'run:progress']);

/** Serves one connected client until it disconnects. */
export function serveApiSocket(socket: WebSocket, lab: LabEndpoint): void {
  const unsubscribers = eventNames.map((event) =>
    lab.events.on(event, (payload) => {
      if (droppableEvents.has(event) && socket.bufferedAmount > MAX_CLIENT_BACKLOG_BYTES) return;
      sendIfOpen(socket, { event, payload });
    }),
  );
  socket.on('close', () => unsubscribers.forEach((unsubscribe) => unsubscribe()));
  // ws has already answered an oversized message (close code 1009) or a protocol violation (1002) when this fires;
  // listening keeps the error from being thrown.
  socket.on('error', () => {});
  socket.on('message', (data, isBinary) => {
    const request = parseRequest(data, isBinary);
    if ('error' in request) {
      reply(socket, request.id, { ok: false, error: request.error });
      return;
    }
    // dispatch never rejects, but the reply is built here too: anything thrown on the way is answered, not left
    // unhandled (an unhandled rejection ends the host).
    dispatch(lab.handlers, request.method, request.params)
      .then((answer) => reply(socket, request.id, answer))
      .catch((error: unknown) => reply(socket, request.id, { ok: false, error: toWireError(error) }));
  });
}
