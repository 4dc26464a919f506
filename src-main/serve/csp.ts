/**
 * The renderer's Content-Security-Policy, shared by the browser-mode host and the Electron shell so both serve the
 * same rules. `connectSources` adds origins the page may talk to besides its own (the WebSocket in browser mode).
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
