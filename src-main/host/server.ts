/**
 * Browser mode: the renderer served from a static folder, and the lab's API on a WebSocket at /api, on 127.0.0.1 only.
 * Every request must be addressed to us and carry the per-start token; see auth.ts.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { realpathSync } from 'node:fs';
import { WebSocketServer } from 'ws';
import type { LabEndpoint } from '../serve/endpoint';
import { serveStatic } from '../serve/staticFiles';
import { addressedToUs, createGate, tokenCookie, tokenSource, type Gate } from './auth';
import { serveApiSocket } from './apiSocket';
import { securityHeaders } from './headers';

/** Largest request the API accepts: deleting 10 000 runs by id fits; bigger messages are closed with code 1009. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface HostOptions {
  lab: LabEndpoint;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
}

export interface RunningHost {
  /** The address to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Disconnects every client and stops listening; the lab stays open. */
  close(): Promise<void>;
}

function refuse(response: ServerResponse, status: number): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${STATUS_CODES[status]}\n`);
}

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** The status that refuses the request, or null when it may proceed. An upgrade must name its Origin. */
function admission(request: IncomingMessage, url: URL, gate: Gate, isUpgrade: boolean): number | null {
  if (!addressedToUs(request, gate, isUpgrade)) return 403;
  return tokenSource(request, url.searchParams, gate) === null ? 401 : null;
}

/** The request target as a URL, or null when it cannot be parsed. */
function requestUrl(request: IncomingMessage, gate: Gate): URL | null {
  return URL.canParse(request.url ?? '', gate.origin) ? new URL(request.url ?? '', gate.origin) : null;
}

function handleRequest(request: IncomingMessage, response: ServerResponse, gate: Gate, root: string): void {
  for (const [name, value] of Object.entries(securityHeaders(gate.origin))) response.setHeader(name, value);
  const url = requestUrl(request, gate);
  if (url === null) return refuse(response, 400);
  const refusal = admission(request, url, gate, false);
  if (refusal !== null) return refuse(response, refusal);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return refuse(response, 405);
  }
  if (url.searchParams.has('token')) response.setHeader('Set-Cookie', tokenCookie(gate));
  // The raw path, not url.pathname: the URL parser would quietly resolve `..` and backslashes we want to refuse.
  const rawPath = (request.url ?? '/').split('?')[0];
  serveStatic(request, response, root, rawPath).catch(() => response.destroy());
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const root = realpathSync(options.staticDir);
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const port = await listen(server, options.port ?? 0);
  const gate = createGate(port);

  server.on('request', (request, response) => handleRequest(request, response, gate, root));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(request, gate);
    const refusal = url?.pathname === '/api' ? admission(request, url, gate, true) : 404;
    if (refusal !== null) return refuseUpgrade(socket, refusal);
    sockets.handleUpgrade(request, socket, head, (client) => serveApiSocket(client, options.lab));
  });

  return {
    url: `${gate.origin}/?token=${gate.token}`,
    port,
    token: gate.token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
