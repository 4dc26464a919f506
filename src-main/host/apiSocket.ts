/**
 * The lab's API over one WebSocket: requests `{ id, method, params }` answered with `{ id, ok, result | error }`, and
 * every lab event pushed as `{ event, payload }`, all in the wire encoding (typed arrays as base64, see wire.ts).
 * Malformed messages get an error reply; nothing a client sends can throw out of here.
 */
import { WebSocket, type RawData } from 'ws';
import { eventNames, type WireError } from '../../src-shared/api/contract';
import { dispatch } from '../../src-shared/api/dispatch';
import { WireFormatError } from '../../src-shared/api/wire';
import type { LabEndpoint } from './endpoint';
import { nodeWire } from './wireCodec';

type RequestId = string | number;
type ParsedRequest = { id: RequestId; method: unknown; params: unknown } | { id: RequestId | null; error: WireError };

function badRequest(id: RequestId | null, message: string): ParsedRequest {
  return { id, error: { name: 'BadRequestError', message } };
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
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return badRequest(null, 'a request is a JSON object');
  const { id, method, params } = message as Record<string, unknown>;
  if (!isRequestId(id)) return badRequest(null, 'a request needs an id (a string or a finite number)');
  return { id, method, params };
}

function sendIfOpen(socket: WebSocket, value: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(nodeWire.encode(value));
}

/** Serves one connected client until it disconnects. */
export function serveApiSocket(socket: WebSocket, lab: LabEndpoint): void {
  const unsubscribers = eventNames.map((event) => lab.events.on(event, (payload) => sendIfOpen(socket, { event, payload })));
  socket.on('close', () => unsubscribers.forEach((unsubscribe) => unsubscribe()));
  // ws has already answered an oversized message (close code 1009) or a protocol violation (1002) when this fires;
  // listening keeps the error from being thrown.
  socket.on('error', () => {});
  socket.on('message', (data, isBinary) => {
    const request = parseRequest(data, isBinary);
    if ('error' in request) {
      sendIfOpen(socket, { id: request.id, ok: false, error: request.error });
      return;
    }
    void dispatch(lab.handlers, request.method, request.params).then((reply) => sendIfOpen(socket, { id: request.id, ...reply }));
  });
}
