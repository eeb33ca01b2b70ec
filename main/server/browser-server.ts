import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, ResultEnvelope } from '../../core/contract/errors';
import { dispatch } from '../ipc/dispatch';
import type { Logger } from '../logger';
import { ServiceError } from '../services/errors';
import type { Services } from '../services/index';
import { bearerToken, isAllowedHost, isAllowedOrigin, secretsEqual } from './security';
import { serveStatic } from './static-files';

/** The largest JSON request body accepted, in bytes. */
export const maxRequestBytes = 4 * 1024 * 1024;

export interface BrowserServerOptions {
  readonly services: Services;
  readonly logger: Logger;
  /** Folder of the built renderer (index.html and assets). */
  readonly staticRoot: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Overrides the random per-launch token; tests only. */
  readonly token?: string;
}

export interface BrowserServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const statusByCode: Partial<Record<ErrorCode, number>> = { forbidden: 403, unknown_request: 404, invalid_input: 400, internal: 500 };

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const envelope: ResultEnvelope<never> = { ok: false, error: { code, message } };
  sendJson(response, status, envelope);
}

/** Reads the body up to `limit` bytes; resolves null when it is larger. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * Serves the renderer and the contract over HTTP on 127.0.0.1 only, for machines without the
 * Electron runtime. Every API request needs the per-launch bearer token, and every request the
 * server's own Host (and Origin, when a browser sends one), so neither another site in the
 * same browser nor a DNS-rebinding page can reach the ledger.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const log = options.logger.child({ subsystem: 'browser-server' });
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const onEvent = (name: string, payload: unknown) => {
    const data = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(data);
  };
  options.services.session.events.on('event', onEvent);

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      log.error({ err: error }, 'browser-mode request failed');
      if (!response.headersSent) sendError(response, 500, 'internal', 'Duewatch hit an unexpected error. The details are in the log.');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = request.url ?? '/';
    if (!isAllowedHost(request.headers.host, port)) {
      sendError(response, 403, 'forbidden', 'This server accepts only requests addressed to 127.0.0.1 or localhost.');
      return;
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      sendError(response, 403, 'forbidden', 'Requests from other web sites are rejected.');
      return;
    }
    if (!url.startsWith('/api/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        sendError(response, 405, 'forbidden', 'Only GET is allowed for pages.');
        return;
      }
      serveStatic(options.staticRoot, url, response);
      return;
    }
    const given = bearerToken(request);
    if (given === null || !secretsEqual(given, token)) {
      sendError(response, 401, 'forbidden', 'Missing or wrong access token. Open the address that Duewatch printed when it started.');
      return;
    }
    if (url === '/api/events' && request.method === 'GET') {
      openEventStream(response);
      return;
    }
    if (url.startsWith('/api/upload') && request.method === 'POST') {
      await handleUpload(url, request, response);
      return;
    }
    const match = /^\/api\/request\/([A-Za-z0-9_.-]{1,100})$/.exec(url);
    if (match === null || request.method !== 'POST') {
      sendError(response, 404, 'unknown_request', `No API endpoint ${request.method ?? ''} ${url.slice(0, 100)}.`);
      return;
    }
    await handleRequest(match[1] ?? '', request, response);
  }

  async function handleRequest(name: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const contentType = request.headers['content-type'] ?? '';
    if (!contentType.startsWith('application/json')) {
      sendError(response, 415, 'invalid_input', 'Send the request input as application/json.');
      return;
    }
    const body = await readBody(request, maxRequestBytes);
    if (body === null) {
      sendError(response, 413, 'invalid_input', `The request body is larger than ${maxRequestBytes} bytes.`);
      return;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      sendError(response, 400, 'invalid_input', 'The request body is not valid JSON.');
      return;
    }
    const envelope = await dispatch(options.services, log, name, input);
    sendJson(response, envelope.ok ? 200 : (statusByCode[envelope.error.code] ?? 200), envelope);
  }

  /** Receives a file for import as the raw request body; the file name comes in the query string. */
  async function handleUpload(url: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (options.services.session.unlocked === null) {
      request.resume();
      sendError(response, 423, 'locked', 'No ledger is unlocked. Unlock a ledger first.');
      return;
    }
    const fileName = new URL(url, 'http://127.0.0.1').searchParams.get('name') ?? 'upload';
    try {
      const file = await options.services.imports.intake.receiveUpload(fileName, request);
      sendJson(response, 200, { ok: true, value: { fileId: file.fileId, fileName: file.fileName, sizeBytes: file.sizeBytes } });
    } catch (error) {
      if (error instanceof ServiceError) sendError(response, error.code === 'invalid_input' ? 413 : 400, error.code, error.message);
      else throw error;
    }
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    eventStreams.add(response);
    response.on('close', () => eventStreams.delete(response));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  log.info({ port }, 'browser mode listening');

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: async () => {
      options.services.session.events.off('event', onEvent);
      for (const stream of eventStreams) stream.end();
      // The page reopens its event stream within seconds, so open connections are cut here
      // instead of waiting for them; close() then resolves once the listener is gone.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
