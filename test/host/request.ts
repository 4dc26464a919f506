/** Raw HTTP and WebSocket clients for the host tests: full control over the path and the headers. */
import { request } from 'node:http';
import { WebSocket } from 'ws';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** `path` goes on the request line exactly as given (no URL normalisation). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the open socket, or with the HTTP status that refused the upgrade. */
export function openSocket(
  url: string,
  options: { origin?: string; headers?: Record<string, string> },
): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { origin: options.origin, headers: options.headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

/** The next text message on the socket, parsed with `decode`. */
export function nextMessage(socket: WebSocket, decode: (text: string) => unknown): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(decode(data.toString()))));
}
