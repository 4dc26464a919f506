/**
 * The UI served from the app's own scheme, app://lab/, instead of file://: the page's origin is then the app alone
 * (file:// counts every local file as 'self'), and each response carries its Content-Security-Policy as a header, the
 * only place `frame-ancestors` is obeyed. Files come from the built renderer folder through the same path checks as
 * browser mode (no `..`, no links leading out).
 */
import { readFile, realpath } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { contentSecurityPolicy } from '../serve/csp';
import { contentTypeOf, lookupStatic } from '../serve/staticFiles';

const APP_SCHEME = 'app';
const APP_HOST = 'lab';
/** The page IPC requests must come from (see ipc.ts). */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Headers of every response: the page may load and connect to its own files only. */
function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/** The response to a request for `url`: a file of `root` (a real, symlink-free path), 400 or 404 otherwise. */
export async function appResponse(url: string, root: string): Promise<Response> {
  const refuse = (status: 400 | 404) =>
    new Response(status === 400 ? 'Bad request\n' : 'Not found\n', {
      status,
      headers: headers('text/plain; charset=utf-8'),
    });
  if (!URL.canParse(url)) return refuse(400);
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return refuse(404);
  // The raw path: the URL parser has resolved dot segments already, lookupStatic refuses the encoded ones.
  const found = await lookupStatic(root, parsed.pathname);
  if (found.status !== 200) return refuse(found.status);
  return new Response(await readFile(found.file), { status: 200, headers: headers(contentTypeOf(found.file)) });
}

/** Before the app is ready: app:// is a standard, secure scheme (origin, relative URLs, fetch of its own files). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Once ready: serves app://lab/ from the folder `root` (resolved to its real path on the first request). */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, root: string): void {
  let realRoot: Promise<string> | null = null;
  protocol.handle(APP_SCHEME, async (request) => appResponse(request.url, await (realRoot ??= realpath(root))));
}
