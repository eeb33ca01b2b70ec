import type { ErrorCode } from '../../core/contract/errors';

/** An expected failure with a code from the contract and a message fit to show the user. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
