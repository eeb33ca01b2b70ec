import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { startApiServer, type ApiServer } from '../../main/api/server';
import { silentLogger } from '../../main/logger';
import type { Services } from '../../main/services/index';

export interface ApiResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  readonly json: unknown;
}

export interface ApiRequestOptions {
  readonly method?: string;
  readonly path: string;
  readonly token?: string;
  /** Sent as JSON unless it is a string or a Buffer, which are sent as they are. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sends a body without any Content-Type header. */
  readonly omitContentType?: boolean;
}

/**
 * Sends one HTTP request to the API on 127.0.0.1 with node:http, which, unlike fetch, lets a test
 * set any Host, Origin or Content-Type header and send a malformed body. Gives up after 15 s.
 */
export function apiRequest(port: number, options: ApiRequestOptions, agent?: Agent): Promise<ApiResponse> {
  const headers: Record<string, string> = { host: `127.0.0.1:${port}` };
  let payload: Buffer | null = null;
  if (options.body !== undefined) {
    payload = Buffer.isBuffer(options.body) ? options.body : Buffer.from(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(payload.length);
  }
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  Object.assign(headers, options.headers ?? {});
  if (options.omitContentType === true) delete headers['content-type'];
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers, agent: agent ?? false, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
      });
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`${options.method ?? 'GET'} ${options.path} timed out after 15 s.`)));
    request.on('error', reject);
    request.end(payload ?? undefined);
  });
}

/** Returns the code in a failed response's `{ error: { code } }`, or undefined. */
export function errorCode(response: ApiResponse): string | undefined {
  return (response.json as { error?: { code?: string } } | undefined)?.error?.code;
}

/** Starts the API for a test on 127.0.0.1 and a free port. */
export function startTestApi(services: Services, options: { clock?: () => number } = {}): Promise<ApiServer> {
  return startApiServer({ services, logger: silentLogger, bindAddress: '127.0.0.1', port: 0, ...options });
}

/** Returns a port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('No port was assigned.'))));
    });
  });
}
