import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './security';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Serves the built renderer from `root`; any path outside it, or unknown, gets index.html or 404. */
export function serveStatic(root: string, urlPath: string, response: ServerResponse): void {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
  const absoluteRoot = resolve(root);
  const file = resolve(join(absoluteRoot, relative));
  if (!file.startsWith(absoluteRoot + sep)) {
    response.writeHead(404).end();
    return;
  }
  const target = existsSync(file) && statSync(file).isFile() ? file : extname(relative) === '' ? join(absoluteRoot, 'index.html') : null;
  if (target === null || !existsSync(target)) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(target)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cache-control': target.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
  });
  response.end(readFileSync(target));
}
