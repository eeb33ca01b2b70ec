import type { z } from 'zod';
import type { ApiScope } from '../../core/contract/api';
import type { ApiPrincipal } from '../services/api/tokens';
import type { Services } from '../services/index';

type Output<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

export interface RouteContext<Params, Query, Body> {
  readonly services: Services;
  readonly params: Params;
  readonly query: Query;
  readonly body: Body;
  /** The token's holder; null only on public routes. */
  readonly principal: ApiPrincipal | null;
  /** The Idempotency-Key header of a write, or null when none was sent. */
  readonly idempotencyKey: string | null;
  /** SHA-256 over the method, route and validated body; compared when an Idempotency-Key is reused. */
  readonly requestHash: string;
}

export interface RouteResult {
  readonly status?: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RouteSchemas {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly response: z.ZodType;
}

/** One endpoint of the local API: where it is, who may call it, what it takes and returns. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  /** Fastify's path pattern, such as /v1/customers/:id. */
  readonly url: string;
  readonly summary: string;
  readonly description: string;
  /** The scope a token needs, or null for a route served without a token. */
  readonly scope: ApiScope | null;
  /** True for writes, which accept an Idempotency-Key header. */
  readonly writes: boolean;
  /** Success statuses, for the OpenAPI document: 201 for a created record, 200 otherwise. */
  readonly successStatuses: readonly number[];
  readonly schemas: RouteSchemas;
  handle(context: RouteContext<unknown, unknown, unknown>): Promise<RouteResult>;
}

interface RouteDefinition<Params, Query, Body> extends Omit<ApiRoute, 'schemas' | 'handle' | 'writes' | 'successStatuses'> {
  readonly params?: Params;
  readonly query?: Query;
  readonly body?: Body;
  readonly response: z.ZodType;
  readonly writes?: boolean;
  readonly successStatuses?: readonly number[];
  handle(context: RouteContext<Output<Params>, Output<Query>, Output<Body>>): Promise<RouteResult>;
}

/** Declares a route with handler arguments typed from its zod schemas. */
export function defineRoute<Params extends z.ZodType | undefined = undefined, Query extends z.ZodType | undefined = undefined, Body extends z.ZodType | undefined = undefined>(
  definition: RouteDefinition<Params, Query, Body>,
): ApiRoute {
  const { params, query, body, response, handle, writes, successStatuses, ...rest } = definition;
  return {
    ...rest,
    writes: writes ?? false,
    successStatuses: successStatuses ?? [200],
    schemas: { ...(params === undefined ? {} : { params }), ...(query === undefined ? {} : { query }), ...(body === undefined ? {} : { body }), response },
    handle: handle as ApiRoute['handle'],
  };
}
