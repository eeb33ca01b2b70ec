import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { ApiErrorCode } from '../../core/api/schemas';
import type { ErrorCode } from '../../core/contract/errors';
import type { Logger } from '../logger';
import { ServiceError } from '../services/errors';

/** An API failure with its HTTP status and a code from `apiErrorCodes`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A request part that failed its zod schema; Fastify passes it to the error handler unchanged. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'RequestValidationError';
  }
}

const serviceStatus: Readonly<Record<ErrorCode, [number, ApiErrorCode]>> = {
  invalid_input: [400, 'invalid_input'],
  unsupported: [400, 'invalid_input'],
  unknown_request: [404, 'not_found'],
  forbidden: [403, 'forbidden'],
  not_found: [404, 'not_found'],
  already_exists: [409, 'conflict'],
  conflict: [409, 'conflict'],
  locked: [423, 'locked'],
  wrong_passphrase: [500, 'internal'],
  throttled: [429, 'rate_limited'],
  corrupt_ledger: [500, 'internal'],
  newer_schema: [500, 'internal'],
  internal: [500, 'internal'],
};

/** Fastify's own request errors (body parsing, content type, URL), by their `code`. */
const fastifyErrors: Readonly<Record<string, [number, ApiErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is larger than the API accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the request body as JSON with Content-Type: application/json.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_input', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_input', 'The request body is empty; send a JSON object.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid_input', 'The request body does not match its Content-Length.'],
  FST_ERR_BAD_URL: [400, 'invalid_input', 'The request URL is not valid.'],
};

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  void reply.code(error.status).headers(error.headers);
  return reply.send({ error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } });
}

/** Converts any error thrown while serving a request into the API's error; logs the unexpected ones. */
export function toApiError(error: unknown, logger: Logger, request: FastifyRequest): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ServiceError) {
    const [status, code] = serviceStatus[error.code];
    return new ApiError(status, code, error.message, error.details);
  }
  if (error instanceof RequestValidationError) return new ApiError(400, 'invalid_input', error.message, error.issues);
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code === undefined ? undefined : fastifyErrors[fastifyError.code];
  if (known !== undefined) return new ApiError(known[0], known[1], known[2]);
  // Fastify sets a 4xx statusCode on the other errors it raises while reading a request.
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new ApiError(400, 'invalid_input', `The request was rejected: ${error instanceof Error ? error.message : 'it is not valid'}.`);
  }
  logger.error({ err: error, method: request.method, route: request.routeOptions.url }, 'API request failed with an unexpected error');
  return new ApiError(500, 'internal', 'Duewatch hit an unexpected error while handling this request. The details are in the log.');
}

/**
 * Writes the API's JSON error as a raw HTTP response to a connection whose request Node's HTTP
 * parser rejected (a malformed request line, or headers that are too large).
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({ error: tooLarge
    ? { code: 'payload_too_large', message: 'The request headers are larger than the API accepts.' }
    : { code: 'invalid_input', message: 'The request is not valid HTTP.' } });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
