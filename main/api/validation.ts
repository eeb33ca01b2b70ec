import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { RequestValidationError } from './errors';
import type { ApiRoute } from './route-types';

const partNames: Readonly<Record<string, keyof ApiRoute['schemas']>> = { body: 'body', querystring: 'query', params: 'params' };
const partLabels: Readonly<Record<string, string>> = { body: 'request body', querystring: 'query string', params: 'path' };

/**
 * Validates each request part with the route's zod schema instead of the JSON Schema Fastify was
 * given, because zod also runs the refinements (one customer selector, due date not before issue
 * date) and the trimming and defaults. The validated value replaces the raw one.
 */
export function zodValidatorCompiler(routes: readonly ApiRoute[]): FastifySchemaCompiler<unknown> {
  return ({ method, url, httpPart }) => {
    const route = routes.find((candidate) => candidate.method === method && candidate.url === url);
    const part = partNames[httpPart ?? ''];
    const schema: z.ZodType | undefined = part === undefined ? undefined : route?.schemas[part];
    if (schema === undefined) return () => true;
    const label = partLabels[httpPart ?? ''] ?? 'request';
    return (data: unknown) => {
      if (httpPart === 'body' && (data === null || data === undefined)) {
        return { error: new RequestValidationError('Send a JSON object as the request body, with Content-Type: application/json.', []) };
      }
      const parsed = schema.safeParse(data);
      if (parsed.success) return { value: parsed.data };
      const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
      const summary = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join(' ');
      return { error: new RequestValidationError(`Invalid ${label}. ${summary}`, issues) };
    };
  };
}
