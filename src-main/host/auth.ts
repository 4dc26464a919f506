/**
 * Who may talk to the browser-mode host: requests addressed to 127.0.0.1 on our port, from our own origin, carrying the
 * per-start token (as `?token=` on the first load, then as an HttpOnly cookie).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface Gate {
  /** token: the secret printed in the URL, new at every start. */
  token: string;
  /** origin: http://127.0.0.1:PORT, the only origin allowed to call us. */
  origin: string;
  /** cookieName: includes the port, since cookies are shared between ports of one host. */
  cookieName: string;
}

export function createGate(port: number, token = randomBytes(32).toString('hex')): Gate {
  return { token, origin: `http://127.0.0.1:${port}`, cookieName: `ttlab_token_${port}` };
}

/** The cookie that carries the token after the first load; never readable from scripts. */
export function tokenCookie(gate: Gate): string {
  return `${gate.cookieName}=${gate.token}; HttpOnly; SameSite=Strict; Path=/`;
}

function sameSecret(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false;
  const given = Buffer.from(candidate);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

/** How the request proved it knows the token: through the query (set the cookie), the cookie, or not at all. */
export function tokenSource(request: IncomingMessage, query: URLSearchParams, gate: Gate): 'query' | 'cookie' | null {
  if (sameSecret(query.get('token'), gate.token)) return 'query';
  if (sameSecret(cookieValue(request, gate.cookieName), gate.token)) return 'cookie';
  return null;
}

/** The Host header names us (guards against DNS rebinding), and any Origin header is ours. */
export function addressedToUs(request: IncomingMessage, gate: Gate, requireOrigin: boolean): boolean {
  if (`http://${request.headers.host}` !== gate.origin) return false;
  const origin = request.headers.origin;
  return origin === undefined ? !requireOrigin : origin === gate.origin;
}
