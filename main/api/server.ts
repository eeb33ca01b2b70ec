import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logger';
import type { ApiPrincipal } from '../services/api/tokens';
import { requestHash } from '../services/api/write-transaction';
import type { Services } from '../services/index';
import { ApiError, answerClientError, sendApiError, toApiError } from './errors';
import { createGuard, extraHostsFor, type Binding, type RouteConfig } from './guards';
import { buildOpenApiDocument, jsonSchema, openApiPath } from './openapi';
import type { ApiRoute } from './route-types';
import { readRoutes } from './routes-read';
import { writeRoutes } from './routes-write';
import { zodValidatorCompiler } from './validation';

declare module 'fastify' {
  interface FastifyRequest {
    principal: ApiPrincipal | null;
  }
}

/** The largest request body accepted, in bytes (256 KiB). */
export const maxBodyBytes = 256 * 1024;

export const apiRoutes: readonly ApiRoute[] = [...readRoutes, ...writeRoutes];

export interface ApiServerOptions {
  readonly services: Services;
  readonly logger: Logger;
  readonly bindAddress: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly bodyLimitBytes?: number;
  /** Milliseconds from a monotonic clock, for the rate limit; tests pass their own. */
  readonly clock?: () => number;
  /** Restart the ledger's idle timer on each authenticated request, for the command-line server. */
  readonly keepSessionAlive?: boolean;
}

export interface ApiServer {
  readonly url: string;
  readonly port: number;
  readonly bindAddress: string;
  close(): Promise<void>;
}

function urlFor(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** Builds the Fastify instance: limits, the JSON-only error handling, the guard, the request list and the routes. */
function createApp(options: ApiServerOptions, log: Logger, binding: Binding): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? maxBodyBytes,
    requestTimeout: 30_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    forceCloseConnections: true,
    exposeHeadRoutes: false,
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => sendApiError(reply, toApiError(error, log, request)),
  });
  app.decorateRequest('principal', null);
  // Only JSON bodies are accepted; without the text parser a text/plain body gets 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(zodValidatorCompiler(apiRoutes));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const clock = options.clock ?? (() => performance.now());
  app.addHook('onRequest', createGuard({ services: options.services, binding, clock, keepSessionAlive: options.keepSessionAlive ?? false }));
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  });
  app.addHook('onResponse', async (request, reply) => recordRequest(options.services, log, request, reply));
  app.setErrorHandler((error, request, reply) => sendApiError(reply, toApiError(error, log, request)));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]?.slice(0, 200) ?? '';
    sendApiError(reply, new ApiError(404, 'not_found', `No endpoint ${request.method} ${path}. The endpoints are listed at ${openApiPath}.`));
  });
  registerRoutes(app, options.services);
  return app;
}

/**
 * Starts the local HTTP API on one address. Every response, Fastify's own failures included, is
 * JSON, and every failure has the body `{ error: { code, message } }`.
 */
export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const log = options.logger.child({ subsystem: 'api' });
  const binding: Binding = { address: options.bindAddress, port: options.port, extraHosts: extraHostsFor(options.bindAddress) };
  const app = createApp(options, log, binding);

  await app.listen({ host: options.bindAddress, port: options.port });
  binding.port = (app.server.address() as AddressInfo).port;
  log.info({ bindAddress: options.bindAddress, port: binding.port }, 'local API listening');
  return {
    url: urlFor(options.bindAddress, binding.port),
    port: binding.port,
    bindAddress: options.bindAddress,
    close: async () => {
      await app.close();
      log.info({ port: binding.port }, 'local API stopped');
    },
  };
}

function registerRoutes(app: FastifyInstance, services: Services): void {
  const document = buildOpenApiDocument(apiRoutes, '1');
  const publicConfig: RouteConfig = { scope: null };
  app.get(openApiPath, { config: publicConfig }, async () => document);
  for (const route of apiRoutes) {
    const { params, query, body, response } = route.schemas;
    const schema = {
      ...(params === undefined ? {} : { params: jsonSchema(params, 'input') }),
      ...(query === undefined ? {} : { querystring: jsonSchema(query, 'input') }),
      ...(body === undefined ? {} : { body: jsonSchema(body, 'input') }),
      response: Object.fromEntries(route.successStatuses.map((status) => [status, jsonSchema(response, 'output')])),
    };
    const config: RouteConfig = { scope: route.scope };
    app.route({ method: route.method, url: route.url, schema, config, handler: (request, reply) => handleRoute(route, services, request, reply) });
  }
}

async function handleRoute(route: ApiRoute, services: Services, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  const idempotencyKey = route.writes ? readIdempotencyKey(request) : null;
  const result = await route.handle({
    services,
    params: request.params,
    query: request.query,
    body: request.body,
    principal: request.principal,
    idempotencyKey,
    requestHash: route.writes ? requestHash(route.method, route.url, request.body) : '',
  });
  void reply.code(result.status ?? 200).headers(result.headers ?? {});
  return result.body;
}

function readIdempotencyKey(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ApiError(400, 'invalid_input', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters, such as a UUID.');
  }
  return header;
}

/** Adds the request to the Settings screen's list and the debug log: no body, query string or token. */
function recordRequest(services: Services, log: Logger, request: FastifyRequest, reply: FastifyReply): void {
  const path = (request.url.split('?')[0] ?? '').slice(0, 200);
  const durationMs = Math.round(reply.elapsedTime * 10) / 10;
  services.api.recordRequest({ tokenName: request.principal?.name ?? null, method: request.method, path, status: reply.statusCode, durationMs });
  log.debug({ method: request.method, route: request.routeOptions.url ?? null, status: reply.statusCode, durationMs, tokenId: request.principal?.tokenId ?? null }, 'API request');
}
