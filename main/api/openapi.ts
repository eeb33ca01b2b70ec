import { z } from 'zod';
import { apiErrorSchema } from '../../core/api/schemas';
import type { ApiRoute } from './route-types';

type JsonSchema = Record<string, unknown>;

/** Path of the OpenAPI document, served without a token. */
export const openApiPath = '/openapi.json';

/**
 * Converts a zod schema to JSON Schema draft 2020-12 (the dialect of OpenAPI 3.1) with zod 4's
 * own converter. `input` describes what a client sends (defaults make fields optional), `output`
 * what the API returns. Refinements, such as a due date not before the issue date, have no JSON
 * Schema form; the server validates with the zod schema itself.
 */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

const errorDescriptions: Readonly<Record<number, string>> = {
  400: 'invalid_input: the body, path or query fails validation, or the body is not JSON',
  401: 'forbidden: the bearer token is missing, wrong or revoked',
  403: 'forbidden: the token lacks the scope, or Host or Origin is not allowed',
  404: 'not_found: no such customer or endpoint',
  409: 'conflict: the Idempotency-Key was used with another body, or the change contradicts the ledger',
  413: 'payload_too_large: the body is larger than 256 KiB',
  415: 'unsupported_media_type: the body is not application/json',
  423: 'locked: no ledger is unlocked in Duewatch',
  429: 'rate_limited: too many requests for this token; wait for Retry-After seconds',
  500: 'internal: an unexpected error, logged by Duewatch',
};

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: location, required: location === 'path' || required.has(name), schema: property }));
}

function operation(route: ApiRoute): JsonSchema {
  const content = (schema: JsonSchema) => ({ 'application/json': { schema } });
  const responses: JsonSchema = {};
  for (const status of route.successStatuses) {
    responses[String(status)] = { description: status === 201 ? 'Created' : 'OK', content: content(jsonSchema(route.schemas.response, 'output')) };
  }
  const errorStatuses = route.scope === null ? [500] : [400, 401, 403, 404, 413, 415, 423, 429, 500, ...(route.writes ? [409] : [])];
  for (const status of errorStatuses.sort((a, b) => a - b)) {
    responses[String(status)] = { description: errorDescriptions[status], content: content({ $ref: '#/components/schemas/Error' }) };
  }
  const idempotencyHeader = { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 200 } };
  return {
    summary: route.summary,
    description: route.description,
    security: route.scope === null ? [] : [{ bearerToken: [route.scope] }],
    parameters: [...parameters(route.schemas.params, 'path'), ...parameters(route.schemas.query, 'query'), ...(route.writes ? [idempotencyHeader] : [])],
    ...(route.schemas.body === undefined ? {} : { requestBody: { required: true, content: content(jsonSchema(route.schemas.body, 'input')) } }),
    responses,
  };
}

/** Builds the OpenAPI 3.1 document of every route. */
export function buildOpenApiDocument(routes: readonly ApiRoute[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Duewatch local API',
      version,
      description: 'Customer risk scores, credit checks and ledger updates from the Duewatch ledger on this computer. Amounts are integers in minor units (paise for INR); dates are YYYY-MM-DD. Every error body is { "error": { "code", "message" } }.',
    },
    paths,
    components: {
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'A token created in Duewatch under Settings, Local API, or with `duewatch api token create`.' } },
      schemas: { Error: jsonSchema(apiErrorSchema, 'output') },
    },
  };
}
