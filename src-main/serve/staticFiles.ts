/**
 * Maps a request path to a file inside the static root, refusing anything that could leave it: `..` segments (also
 * percent-encoded), backslashes, NUL bytes, malformed escapes and symbolic links pointing outside.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The Content-Type a file is served with, by its extension. */
export function contentTypeOf(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup = { status: 200; file: string; size: number } | { status: 400 | 404 };

/** Path segments of a raw request path, or null when the path is malformed or hostile. */
export function safeSegments(pathname: string): string[] | null {
  if (!pathname.startsWith('/') || pathname.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  return segments.some((segment) => segment === '..' || segment === '.') ? null : segments;
}

/** `root` must be a real (symlink-free) absolute path. */
export async function lookupStatic(root: string, pathname: string): Promise<StaticLookup> {
  const segments = safeSegments(pathname);
  if (segments === null) return { status: 400 };
  const candidate = join(root, ...(segments.length === 0 ? ['index.html'] : segments));
  try {
    const file = await realpath(candidate);
    if (!file.startsWith(root + sep)) return { status: 404 };
    const info = await stat(file);
    return info.isFile() ? { status: 200, file, size: info.size } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  pathname: string,
): Promise<void> {
  const found = await lookupStatic(root, pathname);
  if (found.status !== 200) {
    response
      .writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end(found.status === 400 ? 'Bad request\n' : 'Not found\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypeOf(found.file),
    'Content-Length': found.size,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(found.file)
    .on('error', () => response.destroy())
    .pipe(response);
}
