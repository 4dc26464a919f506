/** Security headers on every response of the browser-mode host, whatever its status. */
import { contentSecurityPolicy } from '../serve/csp';

export function securityHeaders(origin: string): Record<string, string> {
  const socketOrigin = origin.replace(/^http:/, 'ws:');
  return {
    'Content-Security-Policy': contentSecurityPolicy([socketOrigin]),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
