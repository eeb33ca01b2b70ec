import { contract, isRequestName, type RequestName } from '../../core/contract/index';
import type { ResultEnvelope } from '../../core/contract/errors';
import type { Logger } from '../logger';
import { ServiceError } from '../services/errors';
import type { Services } from '../services/index';

/**
 * Runs one request for any transport: checks the name, validates the input against the
 * contract's schema, refuses non-public requests while locked, calls the handler and wraps the
 * outcome in a result envelope. Unexpected errors are logged here in full and reach the caller
 * only as `internal`, without a stack.
 */
export async function dispatch(services: Services, logger: Logger, name: unknown, rawInput: unknown): Promise<ResultEnvelope<unknown>> {
  if (!isRequestName(name)) {
    return { ok: false, error: { code: 'unknown_request', message: `Unknown request "${String(name).slice(0, 100)}".` } };
  }
  const definition = contract[name];
  const parsed = definition.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const summary = issues.map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`)).join(' ');
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${name}. ${summary}`, details: issues } };
  }
  if (!definition.public && services.session.unlocked === null) {
    return { ok: false, error: { code: 'locked', message: 'No ledger is unlocked. Unlock a ledger first.' } };
  }
  services.session.touch();
  try {
    const handler = services.handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    return toErrorEnvelope(name, error, logger);
  }
}

function toErrorEnvelope(name: RequestName, error: unknown, logger: Logger): ResultEnvelope<never> {
  if (error instanceof ServiceError) {
    return { ok: false, error: { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) } };
  }
  logger.error({ request: name, err: error }, 'request failed with an unexpected error');
  return { ok: false, error: { code: 'internal', message: `Duewatch hit an unexpected error while handling ${name}. The details are in the log.` } };
}
