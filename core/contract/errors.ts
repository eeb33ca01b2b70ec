/**
 * The closed set of error codes a request can fail with. Every transport (Electron IPC, browser
 * mode, the local API) sends one of these; internal errors carry no stack across.
 */
export const errorCodes = [
  'invalid_input',
  'unknown_request',
  'forbidden',
  'locked',
  'not_found',
  'already_exists',
  'conflict',
  'wrong_passphrase',
  'throttled',
  'corrupt_ledger',
  'newer_schema',
  'unsupported',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface RequestError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level problems for `invalid_input`, or the wait in seconds for `throttled`. */
  readonly details?: unknown;
}

export type ResultEnvelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RequestError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
