import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The Content Security Policy for every page: only the app's own scripts, styles and images,
 * requests only to its own origin, no plugins, no framing and no form posts elsewhere.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Compares two secrets in constant time. */
export function secretsEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

/**
 * Accepts only the loopback names this server listens on. A page on another site that rebinds
 * its DNS name to 127.0.0.1 still sends its own name in Host, so it is rejected here.
 */
export function isAllowedHost(hostHeader: string | undefined, port: number, extraHosts: readonly string[] = []): boolean {
  if (hostHeader === undefined) return false;
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, ...extraHosts.map((host) => `${host}:${port}`)]);
  return allowed.has(hostHeader.toLowerCase());
}

/** Accepts a missing Origin (same-origin GET, non-browser clients) or this server's own origin. */
export function isAllowedOrigin(originHeader: string | undefined, port: number, extraHosts: readonly string[] = []): boolean {
  if (originHeader === undefined) return true;
  const allowed = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`, ...extraHosts.map((host) => `http://${host}:${port}`)]);
  return allowed.has(originHeader.toLowerCase());
}
